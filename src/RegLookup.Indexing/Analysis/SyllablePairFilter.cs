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

    private readonly Part _previous = new();
    private readonly Part _current = new();
    private readonly Part _held = new();
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
        while (Next(_current))
        {
            if (_hasPrevious)
            {
                ClearAttributes();
                _term.SetEmpty().Append(_previous.Chars, 0, _previous.Length).Append(' ').Append(_current.Chars, 0, _current.Length);
                _offset.SetOffset(_previous.Start, _current.End);
                _position.PositionIncrement = 1;
                _length.PositionLength = 2;
                _previous.CopyFrom(_current);
                return true;
            }
            _previous.CopyFrom(_current);
            _hasPrevious = true;
        }
        return false;
    }

    /// <summary>The next token, or the filler before a token that follows a gap or at the end after one.</summary>
    private bool Next(Part into)
    {
        if (_hasHeld)
        {
            into.CopyFrom(_held);
            _hasHeld = false;
            return true;
        }
        if (_exhausted)
        {
            if (!_endFiller) return false;
            _endFiller = false;
            into.SetFiller(_offset.EndOffset);
            return true;
        }
        if (!m_input.IncrementToken())
        {
            _exhausted = true;
            m_input.End();
            _endFiller = _position.PositionIncrement > 0;
            return Next(into);
        }
        if (_position.PositionIncrement > 1)
        {
            _held.SetToken(_term, _offset);
            _hasHeld = true;
            into.SetFiller(_offset.StartOffset);
            return true;
        }
        into.SetToken(_term, _offset);
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

        public void CopyFrom(Part other)
        {
            Set(other.Chars, other.Length);
            (Start, End) = (other.Start, other.End);
        }

        private void Set(char[] chars, int length)
        {
            if (Chars.Length < length) Chars = new char[Math.Max(length, Chars.Length * 2)];
            Array.Copy(chars, Chars, length);
            Length = length;
        }
    }
}
