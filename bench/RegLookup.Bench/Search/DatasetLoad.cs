using Npgsql;
using RegLookup.Data;
using RegLookup.Data.Interchange;
using RegLookup.Data.Migrations;
using RegLookup.Data.Stores;

namespace RegLookup.Bench.Search;

/// <summary>Loads a dataset folder into a new database: the way the portal does, or with COPY for PostgreSQL.</summary>
public static class DatasetLoad
{
    /// <summary>Migrations, then our importer (the portal's own path).</summary>
    /// <returns>How long the import took.</returns>
    public static async Task<TimeSpan> ImportAsync(string connectionString, string folder)
    {
        await using var db = new Database(connectionString);
        await Migrator.MigrateAsync(db);
        var result = await new DatasetImporter(db).ImportAsync(folder, progress: new Progress<string>(Console.WriteLine));
        if (!result.Succeeded) throw new InvalidOperationException(result.Errors[0].ToString());
        return result.Elapsed;
    }

    /// <summary>
    /// For the benchmark only: migrations, the folder read and validated by our reader, then binary COPY of the tables
    /// search reads (agencies, documents, regulations, business lines), because the importer's row-by-row upserts
    /// take about half an hour for a million regulations on this machine. Proposals and comments are not loaded.
    /// </summary>
    public static async Task<TimeSpan> CopyIntoPostgresAsync(string connectionString, string folder)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using (var db = new Database(connectionString))
            await Migrator.MigrateAsync(db);
        var (data, errors) = await DatasetReader.ReadAsync(folder, ExistingKeys.None);
        if (errors.Count > 0) throw new InvalidOperationException(errors[0].ToString());
        Console.WriteLine($"Validated {data.Count:N0} records in {clock.Elapsed.TotalSeconds:F1} s; copying into PostgreSQL");

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await CopyAsync(connection, "agencies (code, name, name_en)", data.Agencies.Select(l => new object?[] { l.Value.Code, l.Value.Name, l.Value.NameEn }));
        await CopyAsync(connection, "documents (id, number, type, title, issuer, issued_on, effective_on, status)", data.Documents.Select(l => l.Value)
            .Select(d => new object?[] { d.Id, d.Number, d.Type, d.Title, d.Issuer, d.IssuedOn, d.EffectiveOn, d.Status }));
        await CopyAsync(connection, "regulations (id, document_id, article, agency, sector, kind, title, content, status, compliance_cost_vnd, updated_at)",
            data.Regulations.Select(l => l.Value).Select(r => new object?[]
                { r.Id, r.DocumentId, r.Article, r.Agency, r.Sector, r.Kind, r.Title, r.Content, r.Status, r.ComplianceCostVnd, r.UpdatedAt }));
        await CopyAsync(connection, "regulation_business_lines (regulation_id, ordinal, business_line)", data.Regulations.Select(l => l.Value)
            .SelectMany(r => r.BusinessLines.Select((line, i) => new object?[] { r.Id, i, line })));
        Console.WriteLine($"Copied {data.Regulations.Count:N0} regulations into PostgreSQL in {clock.Elapsed.TotalSeconds:F1} s");
        return clock.Elapsed;
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string table, IEnumerable<object?[]> rows)
    {
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {table} FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows) await writer.WriteRowAsync(default, row);
        await writer.CompleteAsync();
    }
}
