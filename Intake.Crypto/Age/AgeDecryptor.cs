// Opening an age v1 file (c2sp.org/age): armor detection, strict header parsing,
// file key unwrapping by the supplied identities (in order), header MAC verification
// in constant time, then the streaming payload reader. Failure order follows the spec
// and the CCTV test kit: armor, header, no match, HMAC; payload failures come from Read.
using System.Security.Cryptography;
using Intake.Crypto.Age.Armor;
using Intake.Crypto.Age.Header;
using Intake.Crypto.Age.Io;
using Intake.Crypto.Age.Payload;
using Intake.Crypto.Age.Primitives;

namespace Intake.Crypto.Age;

internal static class AgeDecryptor
{
    private const int InitialBuffer = 16 * 1024;
    private const int MaxBuffer = HeaderParser.MaxHeaderSize + (64 * 1024);

    /// <param name="armored">Null to detect; true/false to force (the test kit states it).</param>
    /// <param name="fileKeySink">Receives a copy of the file key (test hook), or null.</param>
    public static Stream Open(Stream input, IReadOnlyCollection<IIdentity> identities, bool leaveOpen, bool? armored = null, byte[]? fileKeySink = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ValidateIdentities(identities);
        BufferedInput raw = new(input, InitialBuffer, MaxBuffer);
        bool isArmored = armored ?? ArmorDetector.IsArmored(raw);
        BufferedInput source = isArmored ? new BufferedInput(new ArmorReader(raw), InitialBuffer, MaxBuffer) : raw;
        AgeHeader header = HeaderParser.Parse(source);
        byte[] fileKey = UnwrapAndVerify(header, identities, fileKeySink);
        byte[] nonce = new byte[PayloadFormat.NonceSize];
        int got;
        try
        {
            got = source.ReadFull(nonce);
        }
        catch
        {
            CryptographicOperations.ZeroMemory(fileKey);
            throw;
        }

        return StartPayload(source, input, leaveOpen, fileKey, nonce, got);
    }

    public static async Task<Stream> OpenAsync(Stream input, IReadOnlyCollection<IIdentity> identities, bool leaveOpen, CancellationToken cancellationToken, bool? armored = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ValidateIdentities(identities);
        BufferedInput raw = new(input, InitialBuffer, MaxBuffer);
        bool isArmored = armored ?? await ArmorDetector.IsArmoredAsync(raw, cancellationToken).ConfigureAwait(false);
        BufferedInput source = isArmored ? new BufferedInput(new ArmorReader(raw), InitialBuffer, MaxBuffer) : raw;
        await HeaderParser.PrefetchAsync(source, cancellationToken).ConfigureAwait(false);
        AgeHeader header = HeaderParser.Parse(source);
        byte[] fileKey = UnwrapAndVerify(header, identities, null);
        byte[] nonce = new byte[PayloadFormat.NonceSize];
        int got;
        try
        {
            got = await source.ReadFullAsync(nonce, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            CryptographicOperations.ZeroMemory(fileKey);
            throw;
        }

        return StartPayload(source, input, leaveOpen, fileKey, nonce, got);
    }

    /// <summary>
    /// The 16-byte payload nonce follows the header; a file that ends before it is a header
    /// failure, as in the reference implementation and the CCTV test kit.
    /// </summary>
    private static AgeReadStream StartPayload(BufferedInput source, Stream input, bool leaveOpen, byte[] fileKey, byte[] nonce, int nonceLength)
    {
        if (nonceLength != PayloadFormat.NonceSize)
        {
            CryptographicOperations.ZeroMemory(fileKey);
            throw new AgeHeaderException("The file ends before the payload nonce.");
        }

        return new AgeReadStream(new PayloadReader(source, fileKey, nonce), input, leaveOpen);
    }

    public static AgeHeaderSummary Inspect(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        BufferedInput raw = new(input, InitialBuffer, MaxBuffer);
        bool isArmored = ArmorDetector.IsArmored(raw);
        BufferedInput source = isArmored ? new BufferedInput(new ArmorReader(raw), InitialBuffer, MaxBuffer) : raw;
        AgeHeader header = HeaderParser.Parse(source);
        List<AgeStanzaSummary> stanzas = [.. header.Stanzas.Select(s => new AgeStanzaSummary(s.Type, s.Arguments.Count, s.Body.Length))];
        return new AgeHeaderSummary(isArmored, stanzas);
    }

    private static void ValidateIdentities(IReadOnlyCollection<IIdentity> identities)
    {
        ArgumentNullException.ThrowIfNull(identities);
        if (identities.Count == 0)
        {
            throw new ArgumentException("At least one identity is required.", nameof(identities));
        }
    }

    private static byte[] UnwrapAndVerify(AgeHeader header, IReadOnlyCollection<IIdentity> identities, byte[]? fileKeySink)
    {
        byte[]? fileKey = null;
        foreach (IIdentity identity in identities)
        {
            ArgumentNullException.ThrowIfNull(identity, nameof(identities));
            fileKey = identity.Unwrap(header.Stanzas);
            if (fileKey is not null)
            {
                break;
            }
        }

        if (fileKey is null)
        {
            throw new AgeNoIdentityMatchException("No identity matches any recipient of the file.");
        }

        if (fileKeySink is not null)
        {
            fileKey.CopyTo(fileKeySink, 0);
        }

        byte[] mac = AgeKdf.HeaderMac(fileKey, header.MacInput);
        if (!CryptographicOperations.FixedTimeEquals(mac, header.Mac))
        {
            CryptographicOperations.ZeroMemory(fileKey);
            throw new AgeHeaderMacException("The header MAC does not verify: the header was altered.");
        }

        return fileKey;
    }
}
