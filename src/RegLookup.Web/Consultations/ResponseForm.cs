namespace RegLookup.Web.Consultations;

/// <summary>
/// The workspace's one form (static SSR). Every listed comment carries its own decision and explanation fields and
/// the response stamp it was drawn with (keyed by comment id); the button pressed says what to do: answer one
/// comment (<see cref="Respond"/> = its id) or answer the checked ones (<see cref="Bulk"/>) with the bulk fields.
/// </summary>
public sealed class ResponseForm
{
    public string? Respond { get; set; }
    public bool Bulk { get; set; }
    // Form binding leaves a collection null when the post has no field for it.
    public List<string> Selected { get; set => field = value ?? []; } = [];
    public Dictionary<string, string?> Seen { get; set => field = value ?? []; } = [];
    public Dictionary<string, string?> Decision { get; set => field = value ?? []; } = [];
    public Dictionary<string, string?> Explanation { get; set => field = value ?? []; } = [];
    public string? BulkDecision { get; set; }
    public string? BulkExplanation { get; set; }

    /// <summary>The comments this submission answers, each with the stamp its page showed.</summary>
    public IReadOnlyList<SeenComment> Answering() =>
        (Bulk ? Selected : Respond is null ? [] : [Respond])
        .Select(id => new SeenComment(id, Seen.GetValueOrDefault(id) ?? "")).ToList();

    public string? AnsweringDecision => Bulk ? BulkDecision : Respond is null ? null : Decision.GetValueOrDefault(Respond);

    public string? AnsweringExplanation => Bulk ? BulkExplanation : Respond is null ? null : Explanation.GetValueOrDefault(Respond);

    /// <summary>Forgets what was typed for comments now saved, so their fields show the response as stored.</summary>
    public void Clear(IEnumerable<string> saved)
    {
        foreach (var id in saved)
        {
            Decision.Remove(id);
            Explanation.Remove(id);
            Selected.Remove(id);
        }
    }
}

/// <summary>What the workspace says next to one comment after a submission: saved, or why not.</summary>
public sealed record RowNotice(string Text, bool IsProblem);
