// The identities of age's native key types (c2sp.org/age): X25519 ("AGE-SECRET-KEY-1…") and
// the hybrid post-quantum MLKEM768-X25519 ("AGE-SECRET-KEY-PQ-1…"). Unlike a passphrase
// (scrypt), a key identity has a public recipient anyone can encrypt to.
namespace Intake.Crypto.Age;

/// <summary>An age key identity with a public recipient: <see cref="X25519Identity"/> or <see cref="HybridIdentity"/>.</summary>
public interface IKeyIdentity : IIdentity, IDisposable
{
    /// <summary>The public key matching this identity.</summary>
    public IRecipient PublicRecipient { get; }

    /// <summary>True for the hybrid post-quantum type.</summary>
    public bool IsPostQuantum { get; }

    /// <summary>Encodes the secret as age writes it. Handle the result as a secret.</summary>
    public string ExportSecretKey();
}
