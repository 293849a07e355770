using Microsoft.AspNetCore.WebUtilities;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;

namespace RegLookup.Web.Consultations;

/// <summary>
/// The workspace's filters as they stand in its URL, so a filtered list can be shared and reloaded:
/// <c>/workspace?proposal=…&amp;regulation=…&amp;stance=…&amp;respondent=…&amp;state=answered|unanswered&amp;page=…</c>.
/// </summary>
public sealed record WorkspaceQuery
{
    public const string Path = "/workspace";
    public const int PageSize = 20;
    public const string Answered = "answered";
    public const string Unanswered = "unanswered";
    public static readonly IReadOnlyList<string> States = [Unanswered, Answered];

    public string? Proposal { get; init; }
    public string? Regulation { get; init; }
    public string? Stance { get; init; }
    public string? Respondent { get; init; }
    public string? State { get; init; }
    public int Page { get; init; } = 1;

    /// <summary>The query as given, with every value outside its closed set dropped and named in <paramref name="invalid"/>
    /// (parameter, value), so the page can say what it ignored.</summary>
    public static WorkspaceQuery Parse(string? proposal, string? regulation, string? stance, string? respondent, string? state,
        string? page, out List<(string Parameter, string Value)> invalid)
    {
        var problems = new List<(string, string)>();
        string? Closed(string parameter, string? value, IReadOnlyList<string> allowed)
        {
            if (string.IsNullOrEmpty(value) || allowed.Contains(value)) return NullIfEmpty(value);
            problems.Add((parameter, value));
            return null;
        }
        var number = 1;
        if (!string.IsNullOrEmpty(page) && (!int.TryParse(page, out number) || number < 1))
        {
            problems.Add(("page", page));
            number = 1;
        }
        var query = new WorkspaceQuery
        {
            Proposal = NullIfEmpty(proposal), Regulation = NullIfEmpty(regulation),
            Stance = Closed("stance", stance, Vocabulary.Stances), Respondent = Closed("respondent", respondent, Vocabulary.RespondentTypes),
            State = Closed("state", state, States), Page = number,
        };
        invalid = problems;
        return query;
    }

    public WorkspaceFilter ToFilter(string agency) => new()
    {
        Agency = agency, ProposalId = Proposal, RegulationId = Regulation, Stance = Stance, RespondentType = Respondent,
        Answered = State switch { Answered => true, Unanswered => false, _ => null },
    };

    /// <summary>This list at another page.</summary>
    public string WithPage(int page) => Link(this with { Page = page });

    public static string ForProposal(string proposalId) => Link(new WorkspaceQuery { Proposal = proposalId });

    private static string Link(WorkspaceQuery q) => QueryHelpers.AddQueryString(Path, new Dictionary<string, string?>
    {
        ["proposal"] = q.Proposal, ["regulation"] = q.Regulation, ["stance"] = q.Stance, ["respondent"] = q.Respondent,
        ["state"] = q.State, ["page"] = q.Page > 1 ? q.Page.ToString() : null,
    }.Where(p => p.Value is not null));

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
