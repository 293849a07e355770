using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using RegLookup.Data.Model;

namespace RegLookup.Data.Interchange;

/// <summary>JSON settings of the interchange format: camelCase, one object a line, Vietnamese kept as is.</summary>
public static class DatasetJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new VietnamTimeConverter() },
    };

    public const string Agencies = "agencies.jsonl";
    public const string Documents = "documents.jsonl";
    public const string Regulations = "regulations.jsonl";
    public const string Proposals = "proposals.jsonl";
    public const string Comments = "comments.jsonl";

    /// <summary>ISO 8601 times; one without an offset is Vietnam time (data-format.md), and all are written in it.</summary>
    private sealed class VietnamTimeConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
                throw new JsonException("The JSON value could not be converted to System.DateTimeOffset.");
            return parsed.Kind == DateTimeKind.Unspecified
                ? new DateTimeOffset(parsed, Vocabulary.VietnamOffset)
                : Vocabulary.ToVietnamTime(DateTimeOffset.Parse(text!, CultureInfo.InvariantCulture));
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Vocabulary.ToVietnamTime(value).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
    }
}
