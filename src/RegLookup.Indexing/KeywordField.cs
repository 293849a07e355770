using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;

namespace RegLookup.Indexing;

/// <summary>
/// A <see cref="StringField"/> (the whole value as one term) that shares one token stream per thread. Lucene.NET's
/// StringField builds a new token stream, with its attribute maps, for every field instance; a rebuild makes about
/// a dozen per regulation, and that was a third of everything it allocated.
/// </summary>
public sealed class KeywordField(string name, string value, Field.Store store)
    : Field(name, value, store == Field.Store.YES ? StringField.TYPE_STORED : StringField.TYPE_NOT_STORED)
{
    [ThreadStatic] private static SingleTermStream? t_stream;

    // The indexing chain reads a field's stream to its end before asking for the next field's.
    public override TokenStream GetTokenStream(Analyzer analyzer) => (t_stream ??= new SingleTermStream()).Start(GetStringValue());

    private sealed class SingleTermStream : TokenStream
    {
        private readonly ICharTermAttribute _term;
        private readonly IOffsetAttribute _offset;
        private string _value = "";
        private bool _used;

        public SingleTermStream()
        {
            _term = AddAttribute<ICharTermAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
        }

        public SingleTermStream Start(string value)
        {
            _value = value;
            return this;
        }

        public override bool IncrementToken()
        {
            if (_used) return false;
            ClearAttributes();
            _term.Append(_value);
            _offset.SetOffset(0, _value.Length);
            _used = true;
            return true;
        }

        public override void End()
        {
            base.End();
            _offset.SetOffset(_value.Length, _value.Length);
        }

        public override void Reset() => _used = false;
    }
}
