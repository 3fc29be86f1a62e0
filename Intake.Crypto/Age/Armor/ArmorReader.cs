// Strict streaming decoder of the age ASCII armor (c2sp.org/age, "ASCII armor";
// RFC 7468 section 3, figure 3). Accepted: at most 1 KiB of whitespace-only lines
// before the BEGIN line; the exact BEGIN line; lines of exactly 64 columns of padded
// canonical base64 followed by one shorter line (or a full last line), then the exact
// END line; then at most 1 KiB of whitespace; LF or CRLF line endings; the END line may
// lack a final line ending. Everything else is an AgeArmorException, which sticks.
// Decoding happens one line at a time; the async path buffers the next line (or the
// trailing whitespace) without blocking before each step.
using Intake.Crypto.Age.Io;
using Intake.Crypto.Age.Primitives;

namespace Intake.Crypto.Age.Armor;

internal sealed class ArmorReader : System.IO.Stream
{
    private const int MaxLineLength = ArmorFormat.MaxWhitespace + 2;

    private readonly BufferedInput _input;
    private readonly byte[] _line = new byte[MaxLineLength];
    private readonly byte[] _decoded = new byte[ArmorFormat.BytesPerLine];
    private State _state = State.Begin;
    private int _leadingWhitespace;
    private int _decodedPos;
    private int _decodedLen;
    private AgeArmorException? _failure;

    public ArmorReader(BufferedInput input)
    {
        _input = input;
    }

    private enum State
    {
        Begin,
        Body,
        ExpectFooter,
        Trailing,
        Done,
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (true)
        {
            if (TryServe(buffer, out int served))
            {
                return served;
            }

            while (!HasStepInput())
            {
                if (!_input.Fill())
                {
                    break;
                }
            }

            Step();
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (TryServe(buffer.Span, out int served))
            {
                return served;
            }

            while (!HasStepInput())
            {
                if (!await _input.FillAsync(cancellationToken).ConfigureAwait(false))
                {
                    break;
                }
            }

            Step();
        }
    }

    private bool TryServe(Span<byte> buffer, out int served)
    {
        served = 0;
        if (_failure is not null)
        {
            throw _failure;
        }

        if (_decodedPos < _decodedLen)
        {
            served = Math.Min(buffer.Length, _decodedLen - _decodedPos);
            _decoded.AsSpan(_decodedPos, served).CopyTo(buffer);
            _decodedPos += served;
            return true;
        }

        return _state == State.Done || buffer.IsEmpty;
    }

    /// <summary>True when the buffer holds what the next step needs, so it runs without I/O.</summary>
    private bool HasStepInput()
    {
        if (_input.SourceExhausted)
        {
            return true;
        }

        if (_state == State.Trailing)
        {
            return _input.Count > ArmorFormat.MaxWhitespace;
        }

        return _input.IndexOfLineFeed() >= 0 || _input.Count > MaxLineLength;
    }

    private void Step()
    {
        try
        {
            switch (_state)
            {
                case State.Begin:
                    StepBegin();
                    break;
                case State.Body:
                    StepBody();
                    break;
                case State.ExpectFooter:
                    if (!TakeLine(out int length) || !_line.AsSpan(0, length).SequenceEqual(ArmorFormat.FooterBytes))
                    {
                        throw new AgeArmorException("Armor is missing its END line after the last data line.");
                    }

                    _state = State.Trailing;
                    break;
                case State.Trailing:
                    StepTrailing();
                    break;
                default:
                    break;
            }
        }
        catch (AgeArmorException ex)
        {
            _failure = ex;
            throw;
        }
    }

    private void StepBegin()
    {
        if (!TakeLine(out int length))
        {
            throw new AgeArmorException("Armor BEGIN line is missing.");
        }

        ReadOnlySpan<byte> line = _line.AsSpan(0, length);
        if (ArmorFormat.IsAllWhitespace(line))
        {
            _leadingWhitespace += length + 1;
            if (_leadingWhitespace > ArmorFormat.MaxWhitespace)
            {
                throw new AgeArmorException("Too much whitespace before the armor.");
            }

            return;
        }

        if (!line.SequenceEqual(ArmorFormat.HeaderBytes))
        {
            throw new AgeArmorException("Armor BEGIN line is invalid.");
        }

        _state = State.Body;
    }

    private void StepBody()
    {
        if (!TakeLine(out int length))
        {
            throw new AgeArmorException("Armor ends without its END line.");
        }

        ReadOnlySpan<byte> line = _line.AsSpan(0, length);
        if (line.SequenceEqual(ArmorFormat.FooterBytes))
        {
            _state = State.Trailing;
            return;
        }

        if (line.IsEmpty || line.Length > ArmorFormat.ColumnsPerLine)
        {
            throw new AgeArmorException("Armor line has the wrong length.");
        }

        if (!CanonicalBase64.TryDecodePadded(line, _decoded, out int written))
        {
            throw new AgeArmorException("Armor line is not canonical base64.");
        }

        _decodedPos = 0;
        _decodedLen = written;
        if (written < ArmorFormat.BytesPerLine)
        {
            _state = State.ExpectFooter;
        }
    }

    private void StepTrailing()
    {
        if (_input.Count > ArmorFormat.MaxWhitespace || !_input.SourceExhausted)
        {
            throw new AgeArmorException("Too much data after the armor END line.");
        }

        if (!ArmorFormat.IsAllWhitespace(_input.Buffered))
        {
            throw new AgeArmorException("Trailing data after the armor END line.");
        }

        _input.Consume(_input.Count);
        _state = State.Done;
    }

    /// <summary>Takes one line without its LF and one preceding CR; false at end of input.</summary>
    private bool TakeLine(out int length)
    {
        int idx = _input.IndexOfLineFeed();
        int consume;
        if (idx >= 0)
        {
            length = idx;
            consume = idx + 1;
        }
        else if (_input.Count > MaxLineLength)
        {
            throw new AgeArmorException("Armor line is too long.");
        }
        else if (_input.Count > 0)
        {
            length = _input.Count;
            consume = length;
        }
        else
        {
            length = 0;
            return false;
        }

        if (length > MaxLineLength)
        {
            throw new AgeArmorException("Armor line is too long.");
        }

        _input.Buffered[..length].CopyTo(_line);
        _input.Consume(consume);
        if (length > 0 && _line[length - 1] == (byte)'\r')
        {
            length--;
        }

        return true;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
