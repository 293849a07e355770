using RegLookup.Data.Model;

namespace RegLookup.Data.Interchange;

/// <summary>A record with the line of the file it came from.</summary>
public sealed record Lined<T>(int Line, T Value);

/// <summary>A whole dataset folder, parsed and validated, in file order.</summary>
public sealed class Dataset
{
    public List<Lined<Agency>> Agencies { get; } = [];
    public List<Lined<LegalDocument>> Documents { get; } = [];
    public List<Lined<Regulation>> Regulations { get; } = [];
    public List<Lined<Proposal>> Proposals { get; } = [];
    public List<Lined<Comment>> Comments { get; } = [];

    public int Count => Agencies.Count + Documents.Count + Regulations.Count + Proposals.Count + Comments.Count;
}
