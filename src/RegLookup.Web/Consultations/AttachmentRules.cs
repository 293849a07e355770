using System.IO.Compression;

namespace RegLookup.Web.Consultations;

/// <summary>A file as it arrived with a form, read only once its size has been checked.</summary>
public sealed record UploadedFile(string FileName, long Length, Func<Stream> OpenReadStream);

/// <summary>
/// Which files a comment may carry: PDF, DOCX or XLSX, told apart by their content, never by their name (an .exe
/// renamed .pdf is refused), at most <see cref="MaxBytes"/> each and <see cref="MaxFiles"/> per comment.
/// </summary>
public static class AttachmentRules
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxFiles = 5;
    /// <summary>What the form that carries them may weigh: the files at their limits and the comment's text.</summary>
    public const long MaxRequestBytes = MaxFiles * MaxBytes + 1024 * 1024;

    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The type the bytes show, or null when they are none of the three. A DOCX or XLSX is a zip package
    /// with [Content_Types].xml and a word/ or xl/ part; only the zip's directory is read, nothing is inflated.</summary>
    public static string? Detect(byte[] content)
    {
        if (content.AsSpan().StartsWith("%PDF-"u8)) return Pdf;
        if (!content.AsSpan().StartsWith("PK\u0003\u0004"u8)) return null;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (!names.Contains("[Content_Types].xml")) return null;
            var word = names.Any(n => n.StartsWith("word/", StringComparison.Ordinal));
            var excel = names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal));
            return word == excel ? null : word ? Docx : Xlsx;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    public static string Extension(string contentType) => contentType switch
    {
        Pdf => ".pdf",
        Docx => ".docx",
        _ => ".xlsx",
    };

    /// <summary>The name the file is served under: the sender's name without folders or control characters, ending
    /// in the extension of what it really is.</summary>
    public static string SafeName(string fileName, string contentType)
    {
        var name = new string(Path.GetFileName(fileName.Replace('\\', '/')).Where(c => !char.IsControl(c) && c != '"').ToArray()).Trim();
        var stem = Path.GetFileNameWithoutExtension(name);
        if (stem.Length == 0) stem = "tep-dinh-kem";
        return (stem.Length > 150 ? stem[..150] : stem) + Extension(contentType);
    }
}
