// Recipient abstraction of age v1 (c2sp.org/age, "Recipient stanza"): wraps the
// 16-byte file key into one stanza.
using Intake.Crypto.Age.Header;

namespace Intake.Crypto.Age;

/// <summary>
/// Someone a file is encrypted to. Only the recipient types of this library implement it
/// (<see cref="HybridRecipient"/>, <see cref="X25519Recipient"/>, <see cref="ScryptRecipient"/>).
/// </summary>
public interface IRecipient
{
    /// <summary>True when the stanza must be the only one in the header (scrypt).</summary>
    internal bool RequiresSoleStanza { get; }

    /// <summary>
    /// True for a post-quantum recipient (mlkem768x25519). A file is sealed to post-quantum
    /// recipients only or to classic ones only: one classic stanza would leave the file key
    /// open to a future quantum computer (c2sp.org/age; the reference refuses the mix).
    /// </summary>
    internal bool IsPostQuantum { get; }

    /// <summary>Wraps the 16-byte file key into a recipient stanza.</summary>
    internal Stanza Wrap(ReadOnlySpan<byte> fileKey);
}
