// A parsed age v1 header (c2sp.org/age, "Header"): the stanzas, the 32-byte MAC and
// the exact bytes the MAC covers (from the version line up to and including "---").
namespace Intake.Crypto.Age.Header;

/// <summary>A parsed age v1 header: stanzas, MAC, and the exact bytes the MAC covers.</summary>
internal sealed class AgeHeader
{
    public AgeHeader(IReadOnlyList<Stanza> stanzas, byte[] mac, byte[] macInput)
    {
        Stanzas = stanzas;
        Mac = mac;
        MacInput = macInput;
    }

    public IReadOnlyList<Stanza> Stanzas { get; }

    /// <summary>The 32-byte HMAC-SHA-256 from the "---" line.</summary>
    public byte[] Mac { get; }

    /// <summary>The header bytes from the version line up to and including "---".</summary>
    public byte[] MacInput { get; }
}
