// Encoding of the mailbox token (docs/mailbox-token.md):
//  - Crockford base32 alphabet "0123456789ABCDEFGHJKMNPQRSTVWXYZ", the 120 entropy bits
//    read most-significant first, 5 bits per character: 15 bytes -> 24 characters;
//  - check character: Luhn mod N with N = 32 over the 24 code points (from the right,
//    factors 2,1,2,…; addend = factor * code point; sum += addend / 32 + addend % 32;
//    check = (32 - sum % 32) % 32);
//  - display: five groups of five separated by '-'.
// Parsing drops whitespace and '-', uppercases, maps O->0 and I/L->1 (Crockford), and
// rejects U and every other character.
namespace Intake.Crypto.Mailbox;

internal static class TokenCodec
{
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int EntropySize = 15;
    public const int DataCharacters = 24;
    public const int TotalCharacters = DataCharacters + 1;
    public const int GroupSize = 5;

    public static string Format(ReadOnlySpan<byte> entropy)
    {
        Span<int> codes = stackalloc int[TotalCharacters];
        ToCodePoints(entropy, codes[..DataCharacters]);
        codes[DataCharacters] = CheckCodePoint(codes[..DataCharacters]);
        Span<char> chars = stackalloc char[TotalCharacters + (TotalCharacters / GroupSize) - 1];
        int o = 0;
        for (int i = 0; i < TotalCharacters; i++)
        {
            if (i > 0 && i % GroupSize == 0)
            {
                chars[o++] = '-';
            }

            chars[o++] = Alphabet[codes[i]];
        }

        return new string(chars);
    }

    public static MailboxTokenParseStatus TryParse(string? input, Span<byte> entropy)
    {
        if (string.IsNullOrEmpty(input))
        {
            return MailboxTokenParseStatus.Empty;
        }

        Span<int> codes = stackalloc int[TotalCharacters];
        int count = 0;
        foreach (char raw in input)
        {
            if (char.IsWhiteSpace(raw) || raw == '-')
            {
                continue;
            }

            int code = CodePoint(raw);
            if (code < 0 || count == TotalCharacters)
            {
                return MailboxTokenParseStatus.Malformed;
            }

            codes[count++] = code;
        }

        if (count == 0)
        {
            return MailboxTokenParseStatus.Empty;
        }

        if (count != TotalCharacters)
        {
            return MailboxTokenParseStatus.Malformed;
        }

        if (CheckCodePoint(codes[..DataCharacters]) != codes[DataCharacters])
        {
            return MailboxTokenParseStatus.CheckCharacterMismatch;
        }

        FromCodePoints(codes[..DataCharacters], entropy);
        return MailboxTokenParseStatus.Ok;
    }

    public static int CheckCodePoint(ReadOnlySpan<int> codes)
    {
        int factor = 2;
        int sum = 0;
        for (int i = codes.Length - 1; i >= 0; i--)
        {
            int addend = factor * codes[i];
            sum += (addend / 32) + (addend % 32);
            factor = factor == 2 ? 1 : 2;
        }

        return (32 - (sum % 32)) % 32;
    }

    private static int CodePoint(char c)
    {
        char upper = char.ToUpperInvariant(c);
        upper = upper switch
        {
            'O' => '0',
            'I' or 'L' => '1',
            _ => upper,
        };
        return Alphabet.IndexOf(upper, StringComparison.Ordinal);
    }

    private static void ToCodePoints(ReadOnlySpan<byte> entropy, Span<int> codes)
    {
        int acc = 0, bits = 0, o = 0;
        foreach (byte b in entropy)
        {
            acc = ((acc << 8) | b) & 0xFFFF;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                codes[o++] = (acc >> bits) & 31;
            }
        }
    }

    private static void FromCodePoints(ReadOnlySpan<int> codes, Span<byte> entropy)
    {
        int acc = 0, bits = 0, o = 0;
        foreach (int code in codes)
        {
            acc = ((acc << 5) | code) & 0xFFFF;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                entropy[o++] = (byte)((acc >> bits) & 0xFF);
            }
        }
    }
}
