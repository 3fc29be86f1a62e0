// Parser of the age v1 header (c2sp.org/age, "Header" and its ABNF):
//   header   = v1-line 1*stanza end
//   v1-line  = "age-encryption.org/v1" LF
//   stanza   = arg-line *full-line final-line
//   arg-line = "-> " argument *(SP argument) LF ; argument = 1*VCHAR
//   full-line = 64base64char LF ; final-line = *63base64char LF
//   end      = "--- " 43base64char LF
// Every deviation (CR, padding, non-canonical base64, long or missing lines, empty
// arguments) is rejected, so each header has exactly one encoding. The header is
// capped at 1 MiB so a hostile file cannot make the parser buffer without bound.
using System.Text;
using Intake.Crypto.Age.Io;
using Intake.Crypto.Age.Primitives;

namespace Intake.Crypto.Age.Header;

internal static class HeaderParser
{
    public const int MaxHeaderSize = 1024 * 1024;
    public const int ColumnsPerLine = 64;
    public const string VersionLine = "age-encryption.org/v1";
    public const string VersionPrefix = "age-encryption.org/";

    private const int MacEncodedLength = 43;

    /// <summary>
    /// Reads ahead asynchronously until the whole header is buffered (or the input ends, or
    /// the cap is reached), so that <see cref="Parse"/> then runs without blocking I/O.
    /// </summary>
    public static async ValueTask PrefetchAsync(BufferedInput input, CancellationToken cancellationToken)
    {
        while (!ContainsEndLine(input.Buffered))
        {
            if (input.Count > MaxHeaderSize || !await input.FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    private static bool ContainsEndLine(ReadOnlySpan<byte> buffered)
    {
        int idx = buffered.IndexOf("\n---"u8);
        return idx >= 0 && buffered[(idx + 4)..].Contains((byte)'\n');
    }

    public static AgeHeader Parse(BufferedInput input)
    {
        using MemoryStream raw = new();
        byte[] version = ReadLine(input, raw);
        if (!version.AsSpan().SequenceEqual(Encoding.ASCII.GetBytes(VersionLine)))
        {
            throw new AgeHeaderException(version.AsSpan().StartsWith(Encoding.ASCII.GetBytes(VersionPrefix))
                ? "Unsupported age format version."
                : "Not an age file: missing version line.");
        }

        raw.WriteByte((byte)'\n');
        List<Stanza> stanzas = [];
        while (true)
        {
            byte[] line = ReadLine(input, raw);
            if (line.AsSpan().StartsWith("---"u8))
            {
                if (stanzas.Count == 0)
                {
                    throw new AgeHeaderException("Header has no recipient stanza.");
                }

                byte[] mac = ParseMacLine(line);
                byte[] macInput = raw.ToArray();
                int length = macInput.Length - line.Length + 3;
                Array.Resize(ref macInput, length);
                StanzaRules.Validate(stanzas);
                return new AgeHeader(stanzas, mac, macInput);
            }

            raw.WriteByte((byte)'\n');
            if (!line.AsSpan().StartsWith("-> "u8))
            {
                throw new AgeHeaderException("Malformed header line.");
            }

            string[] arguments = ParseArguments(line.AsSpan(3));
            byte[] body = ReadBody(input, raw);
            stanzas.Add(new Stanza(arguments, body));
        }
    }

    private static byte[] ParseMacLine(byte[] line)
    {
        ReadOnlySpan<byte> span = line;
        if (!span.StartsWith("--- "u8) || span.Length != 4 + MacEncodedLength)
        {
            throw new AgeHeaderException("Malformed header MAC line.");
        }

        byte[]? mac = CanonicalBase64.DecodeRaw(span[4..]);
        if (mac is null || mac.Length != 32)
        {
            throw new AgeHeaderException("Malformed header MAC encoding.");
        }

        return mac;
    }

    private static string[] ParseArguments(ReadOnlySpan<byte> text)
    {
        List<string> arguments = [];
        foreach (Range range in text.Split((byte)' '))
        {
            ReadOnlySpan<byte> argument = text[range];
            if (argument.IsEmpty)
            {
                throw new AgeHeaderException("Empty stanza argument.");
            }

            foreach (byte b in argument)
            {
                if (b < 0x21 || b > 0x7E)
                {
                    throw new AgeHeaderException("Invalid character in stanza argument.");
                }
            }

            arguments.Add(Encoding.ASCII.GetString(argument));
        }

        return [.. arguments];
    }

    private static byte[] ReadBody(BufferedInput input, MemoryStream raw)
    {
        using MemoryStream body = new();
        Span<byte> decoded = stackalloc byte[48];
        while (true)
        {
            byte[] line = ReadLine(input, raw);
            raw.WriteByte((byte)'\n');
            if (line.Length > ColumnsPerLine)
            {
                throw new AgeHeaderException("Stanza body line is too long.");
            }

            if (!CanonicalBase64.TryDecodeRaw(line, decoded, out int written))
            {
                throw new AgeHeaderException("Stanza body is not canonical base64.");
            }

            body.Write(decoded[..written]);
            if (line.Length < ColumnsPerLine)
            {
                return body.ToArray();
            }
        }
    }

    /// <summary>Reads one LF-terminated line (without the LF) and records it in the raw header copy.</summary>
    private static byte[] ReadLine(BufferedInput input, MemoryStream raw)
    {
        while (true)
        {
            int idx = input.IndexOfLineFeed();
            if (idx >= 0)
            {
                byte[] line = input.Buffered[..idx].ToArray();
                input.Consume(idx + 1);
                raw.Write(line);
                if (raw.Length > MaxHeaderSize)
                {
                    throw new AgeHeaderException("Header is too large.");
                }

                return line;
            }

            if (raw.Length + input.Count > MaxHeaderSize)
            {
                throw new AgeHeaderException("Header is too large.");
            }

            if (!input.Fill())
            {
                throw new AgeHeaderException(input.IsFull ? "Header is too large." : "Unexpected end of file in header.");
            }
        }
    }
}
