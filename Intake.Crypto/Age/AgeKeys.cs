// Parsing and generating age's native keys by their encoding (c2sp.org/age): recipients
// "age1pq1…" (hybrid post-quantum) and "age1…" (X25519); identities "AGE-SECRET-KEY-PQ-1…"
// and "AGE-SECRET-KEY-1…". Bech32 HRPs differ ("age1pq" vs "age"), so the prefix decides the
// type and the type's own parser checks everything else.
using System.Diagnostics.CodeAnalysis;

namespace Intake.Crypto.Age;

/// <summary>Native age keys of either type, told apart by their encoding.</summary>
public static class AgeKeys
{
    /// <summary>A new hybrid post-quantum identity: what every new key is.</summary>
    public static IKeyIdentity Generate() => HybridIdentity.Generate();

    /// <summary>True when the text is a hybrid post-quantum recipient's encoding (not checked further).</summary>
    public static bool IsPostQuantumRecipient(string? encoded) =>
        encoded is not null && encoded.StartsWith(HybridRecipient.Hrp + "1", StringComparison.Ordinal);

    /// <summary>Parses a recipient of either type; false when it is neither.</summary>
    public static bool TryParseRecipient([NotNullWhen(true)] string? encoded, [NotNullWhen(true)] out IRecipient? recipient)
    {
        recipient = null;
        if (IsPostQuantumRecipient(encoded))
        {
            if (HybridRecipient.TryParse(encoded, out HybridRecipient? hybrid))
            {
                recipient = hybrid;
            }
        }
        else if (X25519Recipient.TryParse(encoded, out X25519Recipient? classic))
        {
            recipient = classic;
        }

        return recipient is not null;
    }

    /// <summary>Parses a recipient of either type; throws <see cref="FormatException"/> when it is neither.</summary>
    public static IRecipient ParseRecipient(string encoded) =>
        TryParseRecipient(encoded, out IRecipient? recipient)
            ? recipient
            : throw new FormatException("Not a valid age recipient.");

    /// <summary>Parses an identity of either type; throws <see cref="FormatException"/> when it is neither.</summary>
    public static IKeyIdentity ParseIdentity(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        return encoded.StartsWith(HybridIdentity.Hrp + "1", StringComparison.Ordinal)
            ? HybridIdentity.Parse(encoded)
            : X25519Identity.Parse(encoded);
    }

    /// <summary>The recipient's encoding: what is stored and shown.</summary>
    public static string Encode(IRecipient recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        return recipient switch
        {
            HybridRecipient hybrid => hybrid.ToString(),
            X25519Recipient classic => classic.ToString(),
            _ => throw new ArgumentException("Only key recipients have an encoding.", nameof(recipient)),
        };
    }
}
