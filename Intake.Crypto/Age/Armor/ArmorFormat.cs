// The age ASCII armor (c2sp.org/age, "ASCII armor"): strict PEM per RFC 7468 section 3
// (figure 3, "stricttextualmsg") with label "AGE ENCRYPTED FILE": padded canonical
// base64 in lines of exactly 64 columns (48 bytes) except the last, which is shorter;
// whitespace is tolerated only before the BEGIN line and after the END line (at most
// 1 KiB each, as the reference implementation allows); LF or CRLF line endings.
namespace Intake.Crypto.Age.Armor;

internal static class ArmorFormat
{
    public const string Header = "-----BEGIN AGE ENCRYPTED FILE-----";
    public const string Footer = "-----END AGE ENCRYPTED FILE-----";
    public const int ColumnsPerLine = 64;
    public const int BytesPerLine = ColumnsPerLine / 4 * 3;
    public const int MaxWhitespace = 1024;

    public static ReadOnlySpan<byte> HeaderBytes => "-----BEGIN AGE ENCRYPTED FILE-----"u8;

    public static ReadOnlySpan<byte> FooterBytes => "-----END AGE ENCRYPTED FILE-----"u8;

    public static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0B or 0x0C;

    public static bool IsAllWhitespace(ReadOnlySpan<byte> span)
    {
        foreach (byte b in span)
        {
            if (!IsWhitespace(b))
            {
                return false;
            }
        }

        return true;
    }
}
