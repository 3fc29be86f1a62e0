// Creating an age v1 file (c2sp.org/age): a fresh 16-byte file key from the CSPRNG,
// one stanza per recipient (post-quantum and classic recipients are never mixed, as in
// the reference implementation), the header with its MAC, a fresh 16-byte payload nonce,
// then the STREAM payload (optionally inside the ASCII armor).
using System.Security.Cryptography;
using Intake.Crypto.Age.Armor;
using Intake.Crypto.Age.Header;
using Intake.Crypto.Age.Payload;
using Intake.Crypto.Age.Primitives;

namespace Intake.Crypto.Age;

internal static class AgeEncryptor
{
    public static Stream Open(Stream output, IReadOnlyCollection<IRecipient> recipients, bool armor, bool leaveOpen)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(recipients);
        if (recipients.Count == 0)
        {
            throw new ArgumentException("At least one recipient is required.", nameof(recipients));
        }

        if (recipients.Count > 1 && recipients.Any(r => r is null || r.RequiresSoleStanza))
        {
            throw new ArgumentException("A passphrase recipient must be the only recipient of a file.", nameof(recipients));
        }

        if (recipients.Any(r => r is { IsPostQuantum: true }) && recipients.Any(r => r is { IsPostQuantum: false }))
        {
            throw new ArgumentException(
                "Post-quantum and classic recipients cannot be mixed: the classic stanza would leave the file open to a quantum computer.",
                nameof(recipients));
        }

        byte[] fileKey = RandomNumberGenerator.GetBytes(AgeKdf.FileKeySize);
        byte[] payloadKey = new byte[AgeKdf.KeySize];
        try
        {
            List<Stanza> stanzas = [];
            foreach (IRecipient recipient in recipients)
            {
                ArgumentNullException.ThrowIfNull(recipient, nameof(recipients));
                stanzas.Add(recipient.Wrap(fileKey));
            }

            byte[] header = HeaderWriter.Write(stanzas, fileKey);
            byte[] nonce = RandomNumberGenerator.GetBytes(PayloadFormat.NonceSize);
            AgeKdf.PayloadKey(fileKey, nonce, payloadKey);
            ArmorWriter? armorWriter = armor ? new ArmorWriter(output) : null;
            PayloadWriter writer = new(armorWriter ?? output, payloadKey, [.. header, .. nonce]);
            return new AgeWriteStream(writer, armorWriter, output, leaveOpen);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(fileKey);
            CryptographicOperations.ZeroMemory(payloadKey);
        }
    }
}
