using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Lucene.Net.Analysis.TokenAttributes;
using RegLookup.Indexing.Analysis;

namespace RegLookup.Indexing.Querying;

/// <summary>
/// Cuts a passage around the densest run of matched words and marks them with &lt;mark&gt;; everything else is
/// HTML-escaped. Written on Lucene's offsets because Lucene.Net.Highlighter is not available here.
/// </summary>
public static class Snippets
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private const int WindowTokens = 32;

    public static string Make(string text, IReadOnlySet<string> foldedTerms, int maxChars = 240)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var tokens = new List<(int Start, int End, bool Match)>();
        using (var stream = VietnameseAnalyzers.Folded.GetTokenStream("_", text))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
                tokens.Add((offset.StartOffset, offset.EndOffset, foldedTerms.Contains(term.ToString())));
            stream.End();
        }
        if (tokens.Count == 0) return Encoder.Encode(Cut(text, 0, maxChars));

        // The window of tokens with the most distinct matches, earliest on ties: one pass with a sliding count.
        var words = tokens.Select(t => t.Match ? text[t.Start..t.End].ToLowerInvariant() : null).ToArray();
        var inWindow = new Dictionary<string, int>(StringComparer.Ordinal);
        var best = 0;
        var bestScore = -1;
        for (var end = 0; end < tokens.Count; end++)
        {
            if (words[end] is { } added) inWindow[added] = inWindow.GetValueOrDefault(added) + 1;
            var start = end - WindowTokens + 1;
            if (start > 0 && words[start - 1] is { } removed && --inWindow[removed] == 0) inWindow.Remove(removed);
            if (start >= 0 || end == tokens.Count - 1)
            {
                if (inWindow.Count > bestScore) (best, bestScore) = (Math.Max(0, start), inWindow.Count);
            }
        }
        // Start a little before the first match so the passage reads as a sentence.
        var first = tokens.Skip(best).Select((t, i) => (t, i)).FirstOrDefault(x => x.t.Match);
        var startToken = Math.Max(0, best + (first.t.Match ? first.i : 0) - 4);
        var from = startToken == 0 ? 0 : tokens[startToken].Start;
        var to = Math.Min(text.Length, from + maxChars);
        if (to < text.Length)
        {
            var lastWhole = tokens.LastOrDefault(t => t.End <= to);
            if (lastWhole.End > from) to = lastWhole.End;
        }

        var html = new StringBuilder();
        if (from > 0) html.Append("… ");
        var at = from;
        foreach (var t in tokens.Where(t => t.Match && t.Start >= from && t.End <= to))
        {
            html.Append(Encoder.Encode(text[at..t.Start])).Append("<mark>").Append(Encoder.Encode(text[t.Start..t.End])).Append("</mark>");
            at = t.End;
        }
        html.Append(Encoder.Encode(text[at..to]));
        if (to < text.Length) html.Append(" …");
        return html.ToString();
    }

    private static string Cut(string text, int from, int max) => text.Length - from <= max ? text[from..] : text.Substring(from, max) + " …";
}
