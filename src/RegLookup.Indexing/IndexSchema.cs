namespace RegLookup.Indexing;

/// <summary>Field names of the Lucene index: one place, so the mapper, query builder and facets agree.</summary>
public static class IndexSchema
{
    public const string Key = "key";          // type:id, unique, for updates and deletes
    public const string Id = "id";
    public const string Type = "type";        // regulation | proposal | document | suggestion

    public const string TitleExact = "title_e";
    public const string TitleFolded = "title_f";
    public const string BodyExact = "body_e";
    public const string BodyFolded = "body_f";
    public const string LinesFolded = "lines_f";  // business lines and sector: what a business calls its trade
    public const string Bigrams = "bigrams";
    public const string DocumentNumber = "docnum"; // normalized forms of the legal document number
    public const string Suggest = "suggest";

    // Stored for display
    public const string Title = "title";
    public const string Plain = "plain";          // content as plain text, for snippets
    public const string Number = "number";
    public const string Article = "article";
    public const string SuggestKind = "skind";

    public const string Date = "date";            // yyyymmdd, for sort=date

    public static class Facets
    {
        public const string Agency = "agency";
        public const string Sector = "sector";
        public const string Kind = "kind";
        public const string Status = "status";
        public const string DocumentType = "doctype";

        public static readonly IReadOnlyList<string> All = [Agency, Sector, Kind, Status, DocumentType];
    }

    public static class Types
    {
        public const string Regulation = "regulation";
        public const string Proposal = "proposal";
        public const string Document = "document";
        public const string Suggestion = "suggestion";

        public static readonly IReadOnlyList<string> Searchable = [Regulation, Proposal, Document];
    }
}
