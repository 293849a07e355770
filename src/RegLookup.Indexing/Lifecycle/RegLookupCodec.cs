using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Codecs.Lucene46;

namespace RegLookup.Indexing.Lifecycle;

/// <summary>
/// Lucene's 4.6 format with the stored fields compressed in chunks of 1 KiB instead of 16 KiB. Showing a hit means
/// decompressing its chunk up to the hit, and a regulation is a few hundred bytes: with 16 KiB chunks that was about
/// 8 KiB of decompression per hit, some 60 µs, a third of a whole search on the seed data.
/// </summary>
[CodecName("RegLookup46")]
public sealed class RegLookupCodec() : FilterCodec(new Lucene46Codec())
{
    private const int ChunkBytes = 1 << 10;
    private readonly StoredFieldsFormat _storedFields = new CompressingStoredFieldsFormat("RegLookupStoredFields", CompressionMode.FAST, ChunkBytes);

    public override StoredFieldsFormat StoredFieldsFormat => _storedFields;

    /// <summary>Lets Lucene find this codec by the name written in the index, beside its own codecs (once, before
    /// an index is opened: <see cref="SearchIndex"/>'s static constructor).</summary>
    public static void Register() => Codec.SetCodecFactory(new DefaultCodecFactory { CustomCodecTypes = [typeof(RegLookupCodec)] });
}
