using System.Globalization;
using RegLookup.Data.Model;

namespace RegLookup.Web.Consultations;

/// <summary>
/// The draft editor's form as posted. Amounts arrive as text so that "48.000.000" or a typo gets the portal's own
/// message rather than the form binder's. The add and remove buttons name one regulation each.
/// </summary>
public sealed class ProposalForm
{
    private List<TargetForm> _targets = [];

    public string? Title { get; set; } = "";
    public string? Summary { get; set; } = "";
    public string? Rationale { get; set; }
    public string? SavingVnd { get; set; }
    public string? SavingDays { get; set; }
    /// <summary>The form binder sets null when the form holds no target: that is an empty list.</summary>
    public List<TargetForm> Targets { get => _targets; set => _targets = value ?? []; }
    /// <summary>The regulation whose "add" button (in the search results) was pressed.</summary>
    public string? Add { get; set; }
    /// <summary>The target whose "remove" button was pressed.</summary>
    public string? Remove { get; set; }

    public sealed class TargetForm
    {
        public string RegulationId { get; set; } = "";
        public string Action { get; set; } = "simplify";
        public string? Note { get; set; }
    }

    public static ProposalForm From(Proposal p) => new()
    {
        Title = p.Title,
        Summary = p.Summary,
        Rationale = p.Rationale,
        SavingVnd = p.EstimatedSavingVnd?.ToString(CultureInfo.InvariantCulture),
        SavingDays = p.EstimatedSavingDays?.ToString(CultureInfo.InvariantCulture),
        Targets = p.Targets.Select(t => new TargetForm { RegulationId = t.RegulationId, Action = t.Action, Note = t.Note }).ToList(),
    };

    /// <summary>Takes out the removed target and appends the added one (with "simplify" until the drafter chooses).</summary>
    public void ApplyAddAndRemove()
    {
        Targets.RemoveAll(t => string.IsNullOrEmpty(t.RegulationId) || t.RegulationId == Remove);
        if (!string.IsNullOrWhiteSpace(Add) && Targets.All(t => t.RegulationId != Add))
            Targets.Add(new TargetForm { RegulationId = Add.Trim() });
        Add = Remove = null;
    }

    public List<ProposalTarget> ToTargets() =>
        Targets.Select(t => new ProposalTarget { RegulationId = t.RegulationId, Action = t.Action, Note = t.Note }).ToList();

    /// <summary>A whole amount, written with or without thousands separators (. , or spaces); empty is "not estimated".</summary>
    public static bool TryAmount(string? text, out long? amount)
    {
        amount = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var digits = new string(text.Where(c => c is not ('.' or ',' or ' ' or '\u00a0')).ToArray());
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return false;
        amount = value;
        return true;
    }
}
