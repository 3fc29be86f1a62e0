// Result of AgeFile.InspectHeader: the stanza types and shapes of a strictly parsed
// age v1 header (c2sp.org/age, "Header"), for server-side checks of uploads.
namespace Intake.Crypto.Age;

/// <summary>One recipient stanza as seen by <see cref="AgeFile.InspectHeader(Stream)"/>.</summary>
/// <param name="Type">The first argument (for example "X25519" or "scrypt").</param>
/// <param name="ArgumentCount">Number of arguments including the type.</param>
/// <param name="BodyLength">Decoded body length in bytes.</param>
public sealed record AgeStanzaSummary(string Type, int ArgumentCount, int BodyLength);

/// <summary>
/// The structure of a strictly parsed age header. The MAC is not verified (that needs
/// the file key), so this only tells what the file claims to be encrypted to.
/// </summary>
public sealed class AgeHeaderSummary
{
    internal AgeHeaderSummary(bool isArmored, IReadOnlyList<AgeStanzaSummary> stanzas)
    {
        IsArmored = isArmored;
        Stanzas = stanzas;
    }

    /// <summary>True when the input was ASCII-armored.</summary>
    public bool IsArmored { get; }

    /// <summary>The stanzas in header order.</summary>
    public IReadOnlyList<AgeStanzaSummary> Stanzas { get; }

    /// <summary>Number of stanzas of the given type (ordinal comparison).</summary>
    public int CountOfType(string type) => Stanzas.Count(s => string.Equals(s.Type, type, StringComparison.Ordinal));
}
