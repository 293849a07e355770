namespace RegLookup.Data.Interchange;

/// <summary>One reason an import was refused, printed as <c>file:line: message</c>.</summary>
public sealed record ImportError(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}
