// Identity abstraction of age v1 (c2sp.org/age, "Recipient stanza"): recognises the
// stanzas addressed to it and unwraps the 16-byte file key.
using Intake.Crypto.Age.Header;

namespace Intake.Crypto.Age;

/// <summary>
/// A key able to open files. Only the identity types of this library implement it
/// (<see cref="HybridIdentity"/>, <see cref="X25519Identity"/>, <see cref="ScryptIdentity"/>).
/// </summary>
public interface IIdentity
{
    /// <summary>
    /// Returns the 16-byte file key when one of the stanzas is addressed to this identity,
    /// null when none is. Throws <see cref="AgeHeaderException"/> when a stanza of this
    /// identity's type must be rejected.
    /// </summary>
    internal byte[]? Unwrap(IReadOnlyList<Stanza> stanzas);
}
