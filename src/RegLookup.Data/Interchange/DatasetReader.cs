using System.Text.Json;
using System.Text.RegularExpressions;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;

namespace RegLookup.Data.Interchange;

/// <summary>
/// Reads a dataset folder (data-format.md) and checks every line against the format and against the ids
/// it may reference: its own and, unless the import replaces everything, those already in the database.
/// </summary>
public static partial class DatasetReader
{
    // data-format.md writes [A-Z0-9-]{2,16} but also asks for the code "TTg"; lower case is allowed for it.
    [GeneratedRegex("^[A-Za-z0-9-]{2,16}$")]
    private static partial Regex AgencyCode();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex UrlSafeId();

    public static async Task<(Dataset Dataset, List<ImportError> Errors)> ReadAsync(
        string folder, ExistingKeys existing, CancellationToken ct = default)
    {
        var errors = new List<ImportError>();
        var data = new Dataset();
        if (!Directory.Exists(folder))
        {
            errors.Add(new ImportError(folder, 0, "folder not found"));
            return (data, errors);
        }
        if (!File.Exists(Path.Combine(folder, DatasetJson.Agencies)))
            errors.Add(new ImportError(DatasetJson.Agencies, 0, "file not found: every dataset needs agencies.jsonl"));

        data.Agencies.AddRange(await ParseAsync<Agency>(folder, DatasetJson.Agencies, errors, ct));
        data.Documents.AddRange(await ParseAsync<LegalDocument>(folder, DatasetJson.Documents, errors, ct));
        data.Regulations.AddRange(await ParseAsync<Regulation>(folder, DatasetJson.Regulations, errors, ct));
        data.Proposals.AddRange(await ParseAsync<Proposal>(folder, DatasetJson.Proposals, errors, ct));
        data.Comments.AddRange(await ParseAsync<Comment>(folder, DatasetJson.Comments, errors, ct));

        new Validator(data, existing, errors).Run();
        return (data, errors.OrderBy(e => FileOrder(e.File)).ThenBy(e => e.Line).ToList());
    }

    private static int FileOrder(string file) =>
        Array.IndexOf([DatasetJson.Agencies, DatasetJson.Documents, DatasetJson.Regulations, DatasetJson.Proposals, DatasetJson.Comments], file);

    private static async Task<List<Lined<T>>> ParseAsync<T>(string folder, string file, List<ImportError> errors, CancellationToken ct)
    {
        var path = Path.Combine(folder, file);
        var items = new List<Lined<T>>();
        if (!File.Exists(path)) return items;
        var number = 0;
        await foreach (var line in File.ReadLinesAsync(path, ct))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                var item = JsonSerializer.Deserialize<T>(line, DatasetJson.Options);
                if (item is null) errors.Add(new ImportError(file, number, "expected a JSON object, found null"));
                else items.Add(new Lined<T>(number, item));
            }
            catch (JsonException ex)
            {
                errors.Add(new ImportError(file, number, Describe(ex)));
            }
        }
        return items;
    }

    /// <summary>Turns a System.Text.Json error into "field: what was expected".</summary>
    private static string Describe(JsonException ex)
    {
        var missing = Regex.Match(ex.Message, "missing required properties including: (.+)\\.");
        if (missing.Success)
            return $"{missing.Groups[1].Value.Replace("'", "")}: required";
        var field = ex.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : null;
        if (field is null || !ex.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
            return "not valid JSON: " + ex.Message.Split(" Path:")[0].Split(" LineNumber:")[0];
        var expected = ex.Message switch
        {
            var m when m.Contains("System.DateOnly") => "expected a date YYYY-MM-DD",
            var m when m.Contains("System.DateTimeOffset") || m.Contains("date-time") => "expected an ISO 8601 date-time",
            var m when m.Contains("System.Int64") => "expected a whole number",
            var m when m.Contains("System.String") => "expected text",
            var m when m.Contains("null") => "must not be null",
            _ => "invalid value",
        };
        return $"{field}: {expected}";
    }

    private sealed class Validator(Dataset data, ExistingKeys existing, List<ImportError> errors)
    {
        private readonly HashSet<string> _agencies = new(existing.Agencies, StringComparer.Ordinal);
        private readonly HashSet<string> _documents = new(existing.Documents, StringComparer.Ordinal);
        private readonly HashSet<string> _regulations = new(existing.Regulations, StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<string>> _targets = new(existing.ProposalTargets, StringComparer.Ordinal);
        private readonly Dictionary<string, (string ProposalId, string? ParentId)> _comments = new(existing.Comments, StringComparer.Ordinal);

        public void Run()
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (line, a) in data.Agencies)
            {
                var e = At(DatasetJson.Agencies, line);
                if (!AgencyCode().IsMatch(a.Code)) e("code", $"'{a.Code}' must be 2 to 16 letters, digits or '-'");
                Unique(e, seen, "code", a.Code, line);
                Required(e, "name", a.Name);
                _agencies.Add(a.Code);
            }

            seen.Clear();
            foreach (var (line, d) in data.Documents)
            {
                var e = At(DatasetJson.Documents, line);
                Id(e, seen, d.Id, line);
                Required(e, "number", d.Number);
                Required(e, "title", d.Title);
                OneOf(e, "type", d.Type, Vocabulary.DocumentTypes);
                OneOf(e, "status", d.Status, Vocabulary.DocumentStatuses);
                Exists(e, "issuer", d.Issuer, _agencies);
                _documents.Add(d.Id);
            }

            seen.Clear();
            foreach (var (line, r) in data.Regulations)
            {
                var e = At(DatasetJson.Regulations, line);
                Id(e, seen, r.Id, line);
                Exists(e, "documentId", r.DocumentId, _documents);
                Exists(e, "agency", r.Agency, _agencies);
                OneOf(e, "kind", r.Kind, Vocabulary.RegulationKinds);
                OneOf(e, "status", r.Status, Vocabulary.RegulationStatuses);
                Required(e, "title", r.Title);
                if (r.BusinessLines.Any(string.IsNullOrWhiteSpace)) e("businessLines", "must not hold an empty name");
                if (r.ComplianceCostVnd < 0) e("complianceCostVnd", "must not be negative");
                _regulations.Add(r.Id);
            }

            seen.Clear();
            foreach (var (line, p) in data.Proposals)
            {
                var e = At(DatasetJson.Proposals, line);
                Id(e, seen, p.Id, line);
                Exists(e, "agency", p.Agency, _agencies);
                Required(e, "title", p.Title);
                OneOf(e, "status", p.Status, Vocabulary.ProposalStatuses);
                if (p.OpensOn > p.ClosesOn) e("closesOn", $"{p.ClosesOn:yyyy-MM-dd} is before opensOn {p.OpensOn:yyyy-MM-dd}");
                if (p.ImplementingDocumentId is { } implementing) Exists(e, "implementingDocumentId", implementing, _documents);
                var targets = new HashSet<string>(StringComparer.Ordinal);
                for (var i = 0; i < p.Targets.Count; i++)
                {
                    var t = p.Targets[i];
                    Exists(e, $"targets[{i}].regulationId", t.RegulationId, _regulations);
                    OneOf(e, $"targets[{i}].action", t.Action, Vocabulary.TargetActions);
                    if (!targets.Add(t.RegulationId)) e($"targets[{i}].regulationId", $"'{t.RegulationId}' is targeted twice");
                }
                _targets[p.Id] = targets;
            }

            seen.Clear();
            foreach (var (_, c) in data.Comments)
                _comments[c.Id] = (c.ProposalId, c.ParentId);
            foreach (var (line, c) in data.Comments)
            {
                var e = At(DatasetJson.Comments, line);
                Id(e, seen, c.Id, line);
                if (!_targets.TryGetValue(c.ProposalId, out var targets))
                    e("proposalId", $"'{c.ProposalId}' not found");
                else if (c.RegulationId is not null && !targets.Contains(c.RegulationId))
                    e("regulationId", $"'{c.RegulationId}' is not a target of proposal '{c.ProposalId}'");
                if (c.ParentId is not null) Parent(e, c);
                Required(e, "author", c.Author);
                Required(e, "body", c.Body);
                OneOf(e, "respondentType", c.RespondentType, Vocabulary.RespondentTypes);
                OneOf(e, "stance", c.Stance, Vocabulary.Stances);
                if (c.Response is { } r)
                {
                    OneOf(e, "response.decision", r.Decision, Vocabulary.Decisions);
                    Required(e, "response.body", r.Body);
                    Required(e, "response.by", r.By);
                }
            }
        }

        private void Parent(Action<string, string> e, Comment c)
        {
            if (!_comments.TryGetValue(c.ParentId!, out var parent))
            {
                e("parentId", $"'{c.ParentId}' not found");
                return;
            }
            if (parent.ProposalId != c.ProposalId)
                e("parentId", $"'{c.ParentId}' belongs to another proposal ('{parent.ProposalId}')");
            // Walk up the thread: a reply must not be its own ancestor.
            var steps = 0;
            for (var id = c.ParentId; id is not null && _comments.TryGetValue(id, out var up); id = up.ParentId)
            {
                if (id == c.Id || ++steps > _comments.Count)
                {
                    e("parentId", "the reply chain loops back to this comment");
                    return;
                }
            }
        }

        private Action<string, string> At(string file, int line) =>
            (field, message) => errors.Add(new ImportError(file, line, $"{field} {message}"));

        private static void Id(Action<string, string> e, Dictionary<string, int> seen, string id, int line)
        {
            if (!UrlSafeId().IsMatch(id)) e("id", $"'{id}' must be a URL-safe slug (letters, digits, '.', '_', '-')");
            Unique(e, seen, "id", id, line);
        }

        private static void Unique(Action<string, string> e, Dictionary<string, int> seen, string field, string value, int line)
        {
            if (!seen.TryAdd(value, line)) e(field, $"'{value}' duplicates line {seen[value]}");
        }

        private static void Required(Action<string, string> e, string field, string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) e(field, "is required");
        }

        private static void OneOf(Action<string, string> e, string field, string value, IReadOnlyList<string> allowed)
        {
            if (!allowed.Contains(value)) e(field, $"'{value}' is not one of {string.Join(", ", allowed)}");
        }

        private static void Exists(Action<string, string> e, string field, string value, HashSet<string> known)
        {
            if (!known.Contains(value)) e(field, $"'{value}' not found");
        }
    }
}
