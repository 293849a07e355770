using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace RegLookup.Indexing.Analysis;

/// <summary>
/// Each two adjacent tokens as one term "a b": the same terms and positions as Lucene's ShingleFilter with shingles
/// of exactly two and no unigrams (a "_" filler stands where the tokenizer skipped a token), without its generic
/// window of attribute copies, which made the bigram field the dearest part of indexing.
/// </summary>
public sealed class SyllablePairFilter : TokenFilter
{
    private static readonly char[] FillerChars = ['_'];

    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionLengthAttribute _length;

    private Part _previous = new(), _current = new(), _held = new();
    private bool _hasPrevious, _hasHeld, _exhausted, _endFiller;

    public SyllablePairFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _length = AddAttribute<IPositionLengthAttribute>();
    }

    public override bool IncrementToken()
    {
        while (Next())
        {
            if (_hasPrevious)
            {
                ClearAttributes();
                var length = _previous.Length + 1 + _current.Length;
                var buffer = _term.ResizeBuffer(length);
                Array.Copy(_previous.Chars, buffer, _previous.Length);
                buffer[_previous.Length] = ' ';
                Array.Copy(_current.Chars, 0, buffer, _previous.Length + 1, _current.Length);
                _term.Length = length;
                _offset.SetOffset(_previous.Start, _current.End);
                _position.PositionIncrement = 1;
                _length.PositionLength = 2;
                (_previous, _current) = (_current, _previous);
                return true;
            }
            (_previous, _current) = (_current, _previous);
            _hasPrevious = true;
        }
        return false;
    }

    /// <summary>Puts in <see cref="_current"/> the next token, or the filler before a token that follows a gap or at
    /// the end after one.</summary>
    private bool Next()
    {
        if (_hasHeld)
        {
            (_held, _current) = (_current, _held);
            _hasHeld = false;
            return true;
        }
        if (_exhausted)
        {
            if (!_endFiller) return false;
            _endFiller = false;
            _current.SetFiller(_offset.EndOffset);
            return true;
        }
        if (!m_input.IncrementToken())
        {
            _exhausted = true;
            m_input.End();
            _endFiller = _position.PositionIncrement > 0;
            return Next();
        }
        if (_position.PositionIncrement > 1)
        {
            _held.SetToken(_term, _offset);
            _hasHeld = true;
            _current.SetFiller(_offset.StartOffset);
            return true;
        }
        _current.SetToken(_term, _offset);
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _hasPrevious = _hasHeld = _exhausted = _endFiller = false;
    }

    private sealed class Part
    {
        public char[] Chars = new char[32];
        public int Length, Start, End;

        public void SetToken(ICharTermAttribute term, IOffsetAttribute offset)
        {
            Set(term.Buffer, term.Length);
            (Start, End) = (offset.StartOffset, offset.EndOffset);
        }

        public void SetFiller(int at)
        {
            Set(FillerChars, 1);
            (Start, End) = (at, at);
        }

        private void Set(char[] chars, int length)
        {
            if (Chars.Length < length) Chars = new char[Math.Max(length, Chars.Length * 2)];
            Array.Copy(chars, Chars, length);
            Length = length;
        }
    }
}
