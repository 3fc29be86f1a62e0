using Intake.Crypto.Age;
using Intake.Web.Keys;
using Microsoft.Extensions.Options;

namespace Intake.Web.Accounts;

/// <summary>
/// A sealed identity under a random passphrase nobody knows, at the same work factor as real accounts. A sign-in
/// with an unknown username opens this instead, so it costs the same time as a wrong passphrase.
/// </summary>
public sealed class DecoySealedIdentity
{
    private readonly Lazy<byte[]> _sealed;

    public DecoySealedIdentity(IOptions<KeyOptions> options)
    {
        var workFactor = options.Value.ScryptWorkFactor;
        _sealed = new Lazy<byte[]>(() =>
        {
            using var identity = AgeKeys.Generate();
            return SealedIdentity.Seal(identity, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)), workFactor);
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public byte[] Value => _sealed.Value;

    /// <summary>Builds the decoy ahead of the first unknown username, off the request path.</summary>
    public void Prepare() => _ = Task.Run(() => _sealed.Value);
}
