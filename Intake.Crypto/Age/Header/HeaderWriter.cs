// Serialiser of the age v1 header (c2sp.org/age, "Header"): version line, stanzas
// with bodies in unpadded base64 wrapped at 64 columns (always ending with a line
// shorter than 64, possibly empty), and the "--- " MAC line (HMAC-SHA-256 over the
// header up to and including "---", key HKDF-SHA-256(file key, "", "header")).
using System.Text;
using Intake.Crypto.Age.Primitives;

namespace Intake.Crypto.Age.Header;

internal static class HeaderWriter
{
    public static byte[] Write(IReadOnlyList<Stanza> stanzas, ReadOnlySpan<byte> fileKey)
    {
        StringBuilder text = new();
        text.Append(HeaderParser.VersionLine).Append('\n');
        foreach (Stanza stanza in stanzas)
        {
            text.Append("->");
            foreach (string argument in stanza.Arguments)
            {
                text.Append(' ').Append(argument);
            }

            text.Append('\n');
            string body = CanonicalBase64.EncodeRaw(stanza.Body);
            int offset = 0;
            while (body.Length - offset >= HeaderParser.ColumnsPerLine)
            {
                text.Append(body, offset, HeaderParser.ColumnsPerLine).Append('\n');
                offset += HeaderParser.ColumnsPerLine;
            }

            text.Append(body, offset, body.Length - offset).Append('\n');
        }

        text.Append("---");
        byte[] macInput = Encoding.ASCII.GetBytes(text.ToString());
        byte[] mac = AgeKdf.HeaderMac(fileKey, macInput);
        text.Append(' ').Append(CanonicalBase64.EncodeRaw(mac)).Append('\n');
        return Encoding.ASCII.GetBytes(text.ToString());
    }
}
