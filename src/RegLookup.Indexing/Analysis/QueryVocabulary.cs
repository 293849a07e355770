namespace RegLookup.Indexing.Analysis;

/// <summary>
/// The maintained word lists of Resources/: synonyms and abbreviations, and question words. Both are matched on
/// folded syllable sequences, so "PCCC", "pccc" and "cay xang" all match.
/// </summary>
public sealed class QueryVocabulary
{
    public static QueryVocabulary Default { get; } = new(Read("synonyms.txt"), Read("stopwords.txt"));

    public QueryVocabulary(IEnumerable<string> synonymLines, IEnumerable<string> stopLines)
    {
        foreach (var line in synonymLines)
        {
            var parts = line.Split("=>", 2);
            if (parts.Length != 2) throw new FormatException($"synonyms: '{line}' has no '=>'");
            Synonyms[Key(parts[0])] = parts[1].Split('|').Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        }
        foreach (var line in stopLines) StopPhrases.Add(Key(line));
    }

    /// <summary>Folded phrase (syllables joined by one space) → the wordings it stands for, as written.</summary>
    public Dictionary<string, List<string>> Synonyms { get; } = new(StringComparer.Ordinal);

    public HashSet<string> StopPhrases { get; } = new(StringComparer.Ordinal);

    public int LongestKey => Math.Max(Synonyms.Keys.Concat(StopPhrases).Select(k => k.Split(' ').Length).DefaultIfEmpty(1).Max(), 1);

    public static string Key(string text) => string.Join(' ', VietnameseAnalyzers.Terms(VietnameseAnalyzers.Folded, text));

    private static IEnumerable<string> Read(string name)
    {
        using var stream = typeof(QueryVocabulary).Assembly.GetManifestResourceStream($"RegLookup.Indexing.Resources.{name}")
            ?? throw new InvalidOperationException($"Resource {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
    }
}
