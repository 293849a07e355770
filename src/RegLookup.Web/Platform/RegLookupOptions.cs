namespace RegLookup.Web.Platform;

/// <summary>The deployment settings of http-api.md: <c>RegLookup__DataPath</c>, <c>RegLookup__SeedPath</c>.</summary>
public sealed class RegLookupOptions
{
    public const string Section = "RegLookup";

    /// <summary>Folder for the SQLite file and the search index; relative paths start at the content root.</summary>
    public string DataPath { get; set; } = "data";

    /// <summary>Dataset folder imported on first start when the database is empty; default: the repo's seed-data.</summary>
    public string? SeedPath { get; set; }
}
