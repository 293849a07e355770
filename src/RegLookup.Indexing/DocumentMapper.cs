using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using RegLookup.Data.Model;
using RegLookup.Indexing.Analysis;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace RegLookup.Indexing;

/// <summary>Turns records into Lucene documents: searchable text twice (exact, folded), bigrams, filters with
/// doc values for facet counts, and the stored fields a hit shows.</summary>
public static class DocumentMapper
{
    public static string KeyOf(string type, string id) => $"{type}:{id}";

    public static LuceneDocument Regulation(Regulation r, LegalDocument? document)
    {
        var plain = PlainText(r.Content);
        var body = string.Join("\n", new[] { plain, r.Article, r.Sector, string.Join(". ", r.BusinessLines), document?.Title }
            .Where(s => !string.IsNullOrEmpty(s)));
        var doc = Common(IndexSchema.Types.Regulation, r.Id, r.Title, body, plain);
        AddText(doc, IndexSchema.LinesFolded, string.Join(". ", r.BusinessLines.Append(r.Sector ?? "")));
        AddFacet(doc, IndexSchema.Facets.Agency, r.Agency);
        AddFacet(doc, IndexSchema.Facets.Sector, r.Sector);
        AddFacet(doc, IndexSchema.Facets.Kind, r.Kind);
        AddFacet(doc, IndexSchema.Facets.Status, r.Status);
        AddFacet(doc, IndexSchema.Facets.DocumentType, document?.Type);
        if (document is not null) AddDocumentNumber(doc, document);
        Store(doc, IndexSchema.Article, r.Article);
        AddDate(doc, r.UpdatedAt ?? document?.EffectiveOn ?? document?.IssuedOn);
        return doc;
    }

    public static LuceneDocument LegalDocument(LegalDocument d, IEnumerable<string> sectors)
    {
        var doc = Common(IndexSchema.Types.Document, d.Id, d.Title, $"{d.Number}\n{d.Title}", d.Title);
        AddFacet(doc, IndexSchema.Facets.Agency, d.Issuer);
        foreach (var sector in sectors.Distinct()) AddFacet(doc, IndexSchema.Facets.Sector, sector);
        AddFacet(doc, IndexSchema.Facets.Status, d.Status);
        AddFacet(doc, IndexSchema.Facets.DocumentType, d.Type);
        AddDocumentNumber(doc, d);
        AddDate(doc, d.IssuedOn);
        return doc;
    }

    public static LuceneDocument Proposal(Proposal p, IEnumerable<string> sectors)
    {
        var plain = PlainText(p.Summary);
        var body = string.Join("\n", new[] { plain }.Concat(p.Targets.Select(t => t.Note ?? "")).Where(s => s.Length > 0));
        var doc = Common(IndexSchema.Types.Proposal, p.Id, p.Title, body, plain);
        AddFacet(doc, IndexSchema.Facets.Agency, p.Agency);
        foreach (var sector in sectors.Distinct()) AddFacet(doc, IndexSchema.Facets.Sector, sector);
        AddFacet(doc, IndexSchema.Facets.Status, p.Status);
        AddDate(doc, p.OpensOn);
        return doc;
    }

    /// <summary>A completion: a title, sector, business line or document number. Same text, same key, so a
    /// sector shared by a thousand regulations is one suggestion.</summary>
    public static LuceneDocument Suggestion(string kind, string text, string? id = null)
    {
        var doc = new LuceneDocument
        {
            new KeywordField(IndexSchema.Key, KeyOf(IndexSchema.Types.Suggestion, $"{kind}:{id ?? VietnameseAnalyzers.Fold(text)}"), Field.Store.NO),
            new KeywordField(IndexSchema.Type, IndexSchema.Types.Suggestion, Field.Store.NO),
            new TextField(IndexSchema.Suggest, text, Field.Store.NO),
            new StoredField(IndexSchema.Title, text),
            new StoredField(IndexSchema.SuggestKind, kind),
        };
        if (id is not null) doc.Add(new StoredField(IndexSchema.Id, id));
        return doc;
    }

    public static IEnumerable<LuceneDocument> SuggestionsFor(Regulation r, LegalDocument? d)
    {
        yield return Suggestion("title", r.Title, r.Id);
        if (!string.IsNullOrWhiteSpace(r.Sector)) yield return Suggestion("sector", r.Sector);
        foreach (var line in r.BusinessLines) yield return Suggestion("businessLine", line);
        if (d is not null) yield return Suggestion("document", $"{d.Number} {d.Title}", d.Id);
    }

    /// <summary>Markdown to plain text for snippets (Markdig's own renderer; no HTML reaches the index).</summary>
    public static string PlainText(string markdown) =>
        Markdig.Markdown.ToPlainText(markdown ?? "").Replace('\n', ' ').Trim();

    private static LuceneDocument Common(string type, string id, string title, string body, string plain)
    {
        var doc = new LuceneDocument
        {
            new KeywordField(IndexSchema.Key, KeyOf(type, id), Field.Store.NO),
            new KeywordField(IndexSchema.Id, id, Field.Store.YES),
            new KeywordField(IndexSchema.Type, type, Field.Store.YES),
            new StoredField(IndexSchema.Title, title),
            new StoredField(IndexSchema.Plain, plain),
        };
        AddText(doc, IndexSchema.TitleExact, title);
        AddText(doc, IndexSchema.TitleFolded, title);
        AddText(doc, IndexSchema.BodyExact, body);
        AddText(doc, IndexSchema.BodyFolded, body);
        AddText(doc, IndexSchema.Bigrams, title + "\n" + body);
        return doc;
    }

    private static void AddText(LuceneDocument doc, string field, string text) =>
        doc.Add(new TextField(field, text.Normalize(System.Text.NormalizationForm.FormC), Field.Store.NO));

    private static void AddFacet(LuceneDocument doc, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        doc.Add(new KeywordField(field, value, Field.Store.YES));
        doc.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
    }

    private static void AddDocumentNumber(LuceneDocument doc, LegalDocument d)
    {
        doc.Add(new StoredField(IndexSchema.Number, d.Number));
        foreach (var key in DocumentNumbers.Keys(d.Number, d.Type).Distinct())
            doc.Add(new KeywordField(IndexSchema.DocumentNumber, key, Field.Store.NO));
    }

    private static void Store(LuceneDocument doc, string field, string? value)
    {
        if (!string.IsNullOrEmpty(value)) doc.Add(new StoredField(field, value));
    }

    private static void AddDate(LuceneDocument doc, DateOnly? date)
    {
        var value = date is { } d ? long.Parse(d.ToString("yyyyMMdd", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : 0L;
        doc.Add(new NumericDocValuesField(IndexSchema.Date, value));
        if (date is not null) doc.Add(new StoredField(IndexSchema.Date, value));
    }
}
