using System.Text;
using System.Text.Json;
using RegLookup.Data.Stores;

namespace RegLookup.Data.Interchange;

/// <summary>Writes the whole dataset as a folder of JSON Lines files that <see cref="DatasetImporter"/> reads back.</summary>
public sealed class DatasetExporter(Database db)
{
    /// <summary>Writes every record; <paramref name="includeDrafts"/> is for the operator's full export, while the
    /// public download leaves draft proposals out.</summary>
    public async Task<int> ExportAsync(string folder, bool includeDrafts, CancellationToken ct = default)
    {
        Directory.CreateDirectory(folder);
        var count = await WriteAsync(folder, DatasetJson.Agencies, (await new AgencyStore(db).ListAsync()).ToAsyncEnumerable(), ct);
        count += await WriteAsync(folder, DatasetJson.Documents, new DocumentStore(db).StreamAsync(), ct);
        count += await WriteAsync(folder, DatasetJson.Regulations, new RegulationStore(db).StreamAsync(), ct);
        count += await WriteAsync(folder, DatasetJson.Proposals, new ProposalStore(db).StreamAsync(includeDrafts), ct);
        count += await WriteAsync(folder, DatasetJson.Comments, new CommentStore(db).StreamAsync(), ct);
        return count;
    }

    /// <summary>Writes one entity kind; comments are written by id, so a reply may come before its parent,
    /// which the importer allows.</summary>
    private static async Task<int> WriteAsync<T>(string folder, string file, IAsyncEnumerable<T> items, CancellationToken ct)
    {
        await using var writer = new StreamWriter(Path.Combine(folder, file), false, new UTF8Encoding(false));
        writer.NewLine = "\n";
        var count = 0;
        await foreach (var item in items.WithCancellation(ct))
        {
            await writer.WriteLineAsync(JsonSerializer.Serialize(item, DatasetJson.Options));
            count++;
        }
        return count;
    }
}
