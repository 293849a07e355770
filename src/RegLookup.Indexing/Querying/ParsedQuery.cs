using System.Text.RegularExpressions;
using RegLookup.Indexing.Analysis;

namespace RegLookup.Indexing.Querying;

/// <summary>One word of a query: as typed (lower case) and folded.</summary>
public sealed record QueryWord(string Exact, string Folded)
{
    public bool HasMarks => Exact != Folded;
}

/// <summary>A run of query words that a synonym list entry matched, with the wordings it stands for.</summary>
public sealed record Expansion(IReadOnlyList<QueryWord> Words, IReadOnlyList<IReadOnlyList<string>> Alternatives);

/// <summary>
/// A query as understood: quoted phrases, document numbers, synonym expansions and the remaining words, with
/// question words dropped.
/// </summary>
public sealed partial record ParsedQuery
{
    public IReadOnlyList<IReadOnlyList<QueryWord>> Phrases { get; init; } = [];
    public IReadOnlyList<DocumentNumbers.Mention> DocumentNumbers { get; init; } = [];
    public IReadOnlyList<Expansion> Expansions { get; init; } = [];
    public IReadOnlyList<QueryWord> Words { get; init; } = [];

    public bool IsEmpty => Phrases.Count == 0 && DocumentNumbers.Count == 0 && Expansions.Count == 0 && Words.Count == 0;

    /// <summary>Every folded term the query may match, for marking snippets.</summary>
    public IEnumerable<string> MarkTerms =>
        Words.Concat(Phrases.SelectMany(p => p)).Concat(Expansions.SelectMany(e => e.Words)).Select(w => w.Folded)
            .Concat(Expansions.SelectMany(e => e.Alternatives.SelectMany(a => a)));

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex Quoted();

    public static ParsedQuery Parse(string text, QueryVocabulary vocabulary)
    {
        text = text.Normalize(System.Text.NormalizationForm.FormC);
        var phrases = Quoted().Matches(text).Select(m => Tokenize(m.Groups[1].Value)).Where(p => p.Count > 0).ToList();
        var rest = Quoted().Replace(text, " ").Replace("\"", " ");

        // Document numbers are found in the folded text; folding keeps the length of Vietnamese letters, so the
        // positions map back to the text as typed.
        var folded = VietnameseAnalyzers.Fold(rest);
        var numbers = folded.Length == rest.Length ? Analysis.DocumentNumbers.Find(folded) : [];
        foreach (var n in numbers.OrderByDescending(n => n.Start))
            rest = rest[..n.Start] + new string(' ', n.Length) + rest[(n.Start + n.Length)..];

        var words = Tokenize(rest);
        var expansions = new List<Expansion>();
        var kept = new List<QueryWord>();
        for (var i = 0; i < words.Count;)
        {
            var matched = false;
            for (var length = Math.Min(vocabulary.LongestKey, words.Count - i); length >= 1 && !matched; length--)
            {
                var key = string.Join(' ', words.Skip(i).Take(length).Select(w => w.Folded));
                if (vocabulary.Synonyms.TryGetValue(key, out var meanings))
                {
                    expansions.Add(new Expansion(words.Skip(i).Take(length).ToList(),
                        meanings.Select(m => (IReadOnlyList<string>)VietnameseAnalyzers.Terms(VietnameseAnalyzers.Folded, m)).ToList()));
                    i += length;
                    matched = true;
                }
                else if (vocabulary.StopPhrases.Contains(key) && words.Count > length)
                {
                    i += length;
                    matched = true;
                }
            }
            if (!matched) kept.Add(words[i++]);
        }
        return new ParsedQuery { Phrases = phrases, DocumentNumbers = numbers, Expansions = expansions, Words = kept };
    }

    private static List<QueryWord> Tokenize(string text) =>
        VietnameseAnalyzers.Terms(VietnameseAnalyzers.Exact, text)
            .Select(t => new QueryWord(t, VietnameseAnalyzers.Fold(t))).ToList();
}
