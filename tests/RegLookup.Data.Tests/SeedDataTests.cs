using System.Text.RegularExpressions;
using RegLookup.Data;
using RegLookup.Data.Interchange;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using RegLookup.Testing;

namespace RegLookup.Data.Tests;

/// <summary>The shipped seed-data folder against data-format.md and the promises of the foundation issue.</summary>
public partial class SeedDataTests
{
    private static readonly Lazy<Task<(Dataset Data, List<ImportError> Errors)>> Seed =
        new(() => DatasetReader.ReadAsync(RepoPaths.SeedData, ExistingKeys.None));

    [Fact]
    public async Task Every_line_follows_the_format()
    {
        var (_, errors) = await Seed.Value;
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(30)));
    }

    [Fact]
    public async Task It_is_a_real_portal_sized_dataset()
    {
        var (data, _) = await Seed.Value;
        var codes = data.Agencies.Select(a => a.Value.Code).ToHashSet();
        Assert.Superset(new HashSet<string> { "QH", "CP", "TTg" }, codes);
        Assert.True(codes.Count - 3 >= 20, $"{codes.Count - 3} agencies besides QH, CP, TTg");
        Assert.All(data.Agencies, a => Assert.False(string.IsNullOrWhiteSpace(a.Value.NameEn), a.Value.Code + " has no English name"));
        Assert.True(data.Documents.Count >= 120, $"{data.Documents.Count} documents");
        Assert.True(data.Regulations.Count >= 600, $"{data.Regulations.Count} regulations");
        Assert.True(data.Regulations.Select(r => r.Value.Sector).Distinct().Count() >= 25, "fewer than 25 sectors");
        Assert.True(data.Regulations.SelectMany(r => r.Value.BusinessLines).Distinct().Count() >= 60, "fewer than 60 business lines");
        Assert.True(data.Regulations.Count(r => r.Value.ComplianceCostVnd is not null) >= 60, "too few compliance costs");
        Assert.Equal(Vocabulary.RegulationKinds.Where(k => k != "other").Order(),
            data.Regulations.Select(r => r.Value.Kind).Where(k => k != "other").Distinct().Order());
        Assert.True(data.Proposals.Count >= 30, $"{data.Proposals.Count} proposals");
        Assert.Contains(data.Proposals, p => p.Value.Status == "implemented");
        Assert.Contains(data.Proposals, p => p.Value.Status == "approved");
        Assert.True(data.Comments.Count >= 300, $"{data.Comments.Count} comments");
    }

    [Fact]
    public async Task At_least_six_consultations_are_open_into_the_coming_year()
    {
        var (data, _) = await Seed.Value;
        // The dataset's as-of date: the day it was written. Its consultations stay open well into 2027.
        var today = new DateOnly(2026, 11, 24);
        var nextYear = new DateOnly(today.Year + 1, 1, 1);
        var open = data.Proposals.Where(p => p.Value.Status == "consultation" && p.Value.OpensOn <= today && p.Value.ClosesOn >= nextYear).ToList();
        Assert.True(open.Count >= 6, $"{open.Count} consultations open into {nextYear.Year}");
    }

    [Fact]
    public async Task Comments_form_threads_from_every_kind_of_respondent()
    {
        var (data, _) = await Seed.Value;
        var byId = data.Comments.ToDictionary(c => c.Value.Id, c => c.Value);
        int Depth(Comment c) => c.ParentId is null ? 0 : 1 + Depth(byId[c.ParentId]);

        Assert.Contains(data.Comments, c => Depth(c.Value) >= 2);
        Assert.Equal(Vocabulary.RespondentTypes.Order(), data.Comments.Select(c => c.Value.RespondentType).Distinct().Order());
        Assert.Equal(Vocabulary.Stances.Order(), data.Comments.Select(c => c.Value.Stance).Distinct().Order());
        Assert.True(data.Comments.Count(c => c.Value.Response is not null) >= 100, "too few drafter responses");
        Assert.Equal(Vocabulary.Decisions.Order(), data.Comments.Where(c => c.Value.Response is not null).Select(c => c.Value.Response!.Decision).Distinct().Order());
        Assert.All(data.Comments.Where(c => c.Value.Response is not null), c => Assert.True(c.Value.Response!.At >= c.Value.CreatedAt, c.Value.Id));
    }

    [Fact]
    public async Task Text_is_vietnamese_with_diacritics_and_no_two_regulations_are_near_identical()
    {
        var (data, _) = await Seed.Value;
        Assert.All(data.Regulations, r => Assert.Matches(Diacritic(), r.Value.Content));
        Assert.Equal(data.Regulations.Count, data.Regulations.Select(r => r.Value.Title).Distinct().Count());

        // Word 3-gram Jaccard similarity: rewording a template still leaves most 3-grams shared.
        var shingles = data.Regulations.Select(r => (r.Value.Id, Set: Shingles(r.Value.Content))).ToList();
        var nearDuplicates = new List<string>();
        for (var i = 0; i < shingles.Count; i++)
            for (var j = i + 1; j < shingles.Count; j++)
            {
                var a = shingles[i].Set; var b = shingles[j].Set;
                var shared = a.Count(b.Contains);
                if (shared > 0.8 * Math.Min(a.Count, b.Count)) nearDuplicates.Add($"{shingles[i].Id} ~ {shingles[j].Id}");
            }
        Assert.True(nearDuplicates.Count == 0, string.Join(", ", nearDuplicates.Take(20)));
    }

    [Fact]
    public async Task Document_numbers_are_written_as_printed()
    {
        var (data, _) = await Seed.Value;
        Assert.Equal(data.Documents.Count, data.Documents.Select(d => d.Value.Number).Distinct().Count());
        Assert.All(data.Documents.Where(d => d.Value.Type == "nghi_dinh"), d => Assert.Matches(@"^\d+/\d{4}/NĐ-CP$", d.Value.Number));
        Assert.All(data.Documents.Where(d => d.Value.Type == "thong_tu"), d => Assert.Matches(@"^\d+/\d{4}/TT-[A-ZĐ]+$", d.Value.Number));
        Assert.All(data.Documents.Where(d => d.Value.Type == "luat"), d => Assert.Matches(@"^\d+/\d{4}/QH1\d$", d.Value.Number));
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task It_loads_on_both_engines(DbEngine engine)
    {
        await using var t = await TestDatabase.CreateAsync(engine);
        var result = await new DatasetImporter(t.Db).ImportAsync(RepoPaths.SeedData);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Take(10)));
        Assert.Equal(result.Records, (int)(await new DatasetStore(t.Db).CountAsync() is var c
            ? c.Agencies + c.Documents + c.Regulations + c.Proposals + c.Comments : 0));
    }

    private static HashSet<string> Shingles(string text)
    {
        var words = Regex.Split(text.ToLowerInvariant(), @"\W+").Where(w => w.Length > 0).ToArray();
        return Enumerable.Range(0, Math.Max(0, words.Length - 2)).Select(i => string.Join(' ', words, i, 3)).ToHashSet();
    }

    [GeneratedRegex("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", RegexOptions.IgnoreCase)]
    private static partial Regex Diacritic();
}
