using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using RegLookup.Web.Platform;

namespace RegLookup.Web.Consultations;

/// <summary>
/// The synthesis report of a consultation (bản tổng hợp, tiếp thu, giải trình ý kiến), as text ready to lay out:
/// the same content goes to .xlsx, .docx and .csv. It names people only as they published themselves (author and
/// organization): never an e-mail, phone or tax code.
/// </summary>
public sealed record SynthesisReport
{
    public required Proposal Proposal { get; init; }
    public required string Title { get; init; }
    public required IReadOnlyList<ReportFact> Facts { get; init; }
    public required IReadOnlyList<ReportColumn> Columns { get; init; }
    /// <summary>The name of the group column of a flat export (the CSV).</summary>
    public required string GroupHeader { get; init; }
    public required IReadOnlyList<ReportGroup> Groups { get; init; }
    public required IReadOnlyList<ReportTally> Tallies { get; init; }

    public string FileName(string extension) => $"tong-hop-y-kien-{Proposal.Id}.{extension}";
}

public sealed record ReportFact(string Label, string Value);

/// <param name="Width">In characters of the body font (Excel's column unit).</param>
public sealed record ReportColumn(string Header, double Width);

/// <summary>The comments on one target regulation, or the general ones.</summary>
public sealed record ReportGroup(string Heading, IReadOnlyList<ReportRow> Rows);

public sealed record ReportRow(int Number, string Author, string Organization, string RespondentType, string Stance,
    string Comment, string Decision, string Explanation, string Attachments)
{
    /// <summary>The cells in the order of <see cref="SynthesisReport.Columns"/>.</summary>
    public IReadOnlyList<string> Cells =>
        [Number.ToString(CultureInfo.InvariantCulture), Author, Organization, RespondentType, Stance, Comment, Decision, Explanation, Attachments];
}

public sealed record ReportCount(string Label, int Count);

/// <summary>Counts of the comments by one key (respondent type, decision), with their total.</summary>
public sealed record ReportTally(string Caption, string KeyHeader, string CountHeader, IReadOnlyList<ReportCount> Counts, string TotalLabel)
{
    public int Total => Counts.Sum(c => c.Count);
}

/// <summary>Gathers a proposal's visible comments and responses into a <see cref="SynthesisReport"/>, in Vietnamese
/// whatever the reader's UI language: it is the document the drafting agency files.</summary>
public sealed partial class SynthesisReportBuilder(WorkspaceStore workspace, AgencyStore agencies, RegulationStore regulations,
    IStringLocalizer<Messages> text)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi");

    public async Task<SynthesisReport> BuildAsync(Proposal proposal, DateOnly today)
    {
        var comments = (await workspace.ListForReportAsync(proposal.Id)).Select(c => c.Comment).ToList();
        var attachments = await workspace.AttachmentNamesAsync(proposal.Id);
        var agency = await agencies.GetAsync(proposal.Agency);
        var regulationIds = proposal.Targets.Select(t => t.RegulationId)
            .Concat(comments.Where(c => c.RegulationId is not null).Select(c => c.RegulationId!)).Distinct().ToList();
        var titles = (await regulations.GetManyAsync(regulationIds)).ToDictionary(r => r.Id, r => r.Title, StringComparer.Ordinal);

        var ui = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Vietnamese;
        try
        {
            return Compose(proposal, agency?.Name ?? proposal.Agency, today, comments, attachments, titles);
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
        }
    }

    private SynthesisReport Compose(Proposal proposal, string agencyName, DateOnly today, IReadOnlyList<Comment> comments,
        ILookup<string, string> attachments, IReadOnlyDictionary<string, string> titles)
    {
        var labels = new Labels(text);
        var placed = Place(proposal, comments);
        var numbers = placed.Select((p, i) => (p.Comment.Id, Number: i + 1)).ToDictionary(p => p.Id, p => p.Number, StringComparer.Ordinal);
        var groups = placed
            .GroupBy(p => p.Regulation)
            .Select(g => new ReportGroup(
                g.Key is null ? text["Report.General"] : text["Report.RegulationGroup", g.Key, titles.GetValueOrDefault(g.Key) ?? ""],
                g.Select(p => Row(p.Comment, numbers, attachments, labels)).ToList()))
            .ToList();

        return new SynthesisReport
        {
            Proposal = proposal,
            Title = text["Report.Title"],
            Facts =
            [
                new(text["Report.Proposal"], proposal.Title),
                new(text["Report.ProposalId"], proposal.Id),
                new(text["Report.Agency"], agencyName),
                new(text["Report.Window"], text["Proposal.WindowValue", Labels.Date(proposal.OpensOn), Labels.Date(proposal.ClosesOn)]),
                new(text["Report.Date"], Labels.Date(today)),
                new(text["Report.Total"], text["Report.TotalValue", comments.Count, comments.Count(c => c.Response is not null)]),
            ],
            Columns =
            [
                new(text["Report.Number"], 6), new(text["Report.Author"], 20), new(text["Report.Organization"], 24),
                new(text["Report.RespondentType"], 15), new(text["Report.Stance"], 16), new(text["Report.Comment"], 55),
                new(text["Report.Decision"], 17), new(text["Report.Explanation"], 45), new(text["Report.Attachments"], 22),
            ],
            GroupHeader = text["Report.Group"],
            Groups = groups,
            Tallies =
            [
                Tally(text["Report.ByRespondent"], text["Report.RespondentType"],
                    Vocabulary.RespondentTypes.Select(t => new ReportCount(labels.Respondent(t), comments.Count(c => c.RespondentType == t)))),
                Tally(text["Report.ByDecision"], text["Report.Decision"],
                    Vocabulary.Decisions.Select(d => new ReportCount(labels.Decision(d), comments.Count(c => c.Response?.Decision == d)))
                        .Append(new ReportCount(text["Report.NotAnswered"], comments.Count(c => c.Response is null)))),
            ],
        };
    }

    private ReportTally Tally(string caption, string keyHeader, IEnumerable<ReportCount> counts) =>
        new(caption, keyHeader, text["Report.Count"], counts.ToList(), text["Report.TotalRow"]);

    private ReportRow Row(Comment c, IReadOnlyDictionary<string, int> numbers, ILookup<string, string> attachments, Labels labels)
    {
        var body = PlainText(c.Body);
        if (c.ParentId is not null && numbers.TryGetValue(c.ParentId, out var parent))
            body = $"{text["Report.ReplyTo", parent]} {body}";
        return new ReportRow(numbers[c.Id], c.Author, c.Organization ?? "", labels.Respondent(c.RespondentType), labels.Stance(c.Stance),
            body, c.Response is { } r ? labels.Decision(r.Decision) : text["Report.NotAnswered"], PlainText(c.Response?.Body),
            string.Join("\n", attachments[c.Id]));
    }

    /// <summary>
    /// Every comment in report order with the regulation it is filed under: general comments first, then the targets
    /// in the proposal's order (any other regulation after them). A reply that names no regulation belongs to the one
    /// its thread is about, and follows what it answers.
    /// </summary>
    private static List<(Comment Comment, string? Regulation)> Place(Proposal proposal, IReadOnlyList<Comment> comments)
    {
        var flat = new List<(Comment Comment, string? Regulation)>();
        void Walk(CommentNode node, string? inherited)
        {
            var regulation = node.Comment.RegulationId ?? inherited;
            flat.Add((node.Comment, regulation));
            foreach (var reply in node.Replies) Walk(reply, regulation);
        }
        foreach (var root in CommentNode.Nest(comments)) Walk(root, null);

        var targetOrder = proposal.Targets.Select((t, i) => (t.RegulationId, i)).DistinctBy(t => t.RegulationId)
            .ToDictionary(t => t.RegulationId, t => t.i, StringComparer.Ordinal);
        return flat
            .OrderBy(p => p.Regulation is null ? -1 : targetOrder.GetValueOrDefault(p.Regulation, int.MaxValue))
            .ThenBy(p => p.Regulation, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Markdown as plain text, paragraphs kept on their own lines, without the control characters that
    /// spreadsheet and document XML cannot hold.</summary>
    public static string PlainText(string? markdown)
    {
        var plain = Markdig.Markdown.ToPlainText(markdown ?? "");
        return BlankLines().Replace(ControlCharacters().Replace(plain, ""), "\n").Trim();
    }

    [GeneratedRegex(@"[\x00-\x08\x0B\x0C\x0E-\x1F]")]
    private static partial Regex ControlCharacters();

    [GeneratedRegex(@"(\r?\n\s*)+")]
    private static partial Regex BlankLines();
}
