using RegLookup.Indexing.Analysis;

namespace RegLookup.Bench.Search;

/// <summary>One search as a person sends it: the words typed and at most one agency filter.</summary>
public sealed record BenchQuery(IReadOnlyList<string> Words, string? Agency)
{
    public string Text => string.Join(' ', Words);
}

/// <summary>
/// A deterministic query log over the generator's own vocabulary, so that queries hit the data the way real ones
/// would: 1–5 consecutive words of a sector, business line, requirement or topic (people type runs of a phrase
/// they know, not random words), half of them typed without diacritics, one in five filtered by agency.
/// </summary>
public static class QueryLog
{
    public static IReadOnlyList<BenchQuery> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var phrases = SyntheticDataset.SearchPhrases.Select(Words).Where(w => w.Length > 0).ToArray();
        var agencies = SyntheticDataset.RegulationAgencies;
        var queries = new List<BenchQuery>(count);
        for (var i = 0; i < count; i++)
        {
            var phrase = phrases[random.Next(phrases.Length)];
            var length = Math.Min(random.Next(1, 6), phrase.Length);
            IEnumerable<string> words = phrase.Skip(random.Next(phrase.Length - length + 1)).Take(length);
            if (random.Next(2) == 0) words = words.Select(VietnameseAnalyzers.Fold);
            var agency = random.Next(5) == 0 ? agencies[random.Next(agencies.Count)] : null;
            queries.Add(new BenchQuery(words.ToList(), agency));
        }
        return queries;
    }

    /// <summary>The words of a phrase, lower case; placeholders, numbers and units ("{0}", "m³") are not typed.</summary>
    private static string[] Words(string phrase) =>
        phrase.ToLowerInvariant().Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.All(char.IsLetter)).ToArray();
}
