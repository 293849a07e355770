using System.Globalization;
using CsvHelper;

namespace RegLookup.Web.Tracking;

/// <summary>Writes rows as RFC 4180 CSV in UTF-8 with a byte-order mark (so Excel reads Vietnamese correctly);
/// text that Excel would run as a formula is escaped.</summary>
public static class CsvExport
{
    public static async Task WriteAsync<T>(Stream destination, IReadOnlyList<string> header, IAsyncEnumerable<T> rows,
        Func<T, IEnumerable<object?>> fields, CancellationToken ct = default)
    {
        var options = new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape, FormatProvider = CultureInfo.InvariantCulture };
        await using var csv = CsvWriter.Create(destination, options, true);
        foreach (var name in header) csv.WriteField(name);
        await csv.EndRecordAsync(ct);
        await foreach (var row in rows.WithCancellation(ct))
        {
            foreach (var value in fields(row)) csv.WriteField(Format(value));
            await csv.EndRecordAsync(ct);
        }
        await csv.FlushAsync(ct);
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => RegLookup.Data.Model.Vocabulary.ToVietnamTime(t).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
