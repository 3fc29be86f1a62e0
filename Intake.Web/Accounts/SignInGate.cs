using Intake.Web.Keys;
using Intake.Web.Reporting.Admission;
using Intake.Web.Storage.Limits;
using Microsoft.Extensions.Options;

namespace Intake.Web.Accounts;

/// <summary>
/// The gate before a sign-in from an unknown device runs scrypt (docs/availability.md). Such sign-ins share a
/// budget, one bucket for the whole service (every application node takes from the same one, <see cref="SharedLimits"/>):
/// while it lasts nothing changes. When it is spent, a passphrase from an unknown device is checked only with a proof
/// of work over a stamp the sign-in form carries (the same hashcash and stamps as reports, each stamp used once),
/// which the page's script solves before sending. A browser that signed in before (its device cookie belongs to the
/// user) never pays. Nothing about the client is kept.
/// </summary>
public sealed class SignInGate(FormStamps stamps, SharedLimits limits, IOptions<KeyOptions> options)
{
    /// <summary>The stamps' scope: no channel has this code.</summary>
    public const string StampScope = "staff-sign-in";

    private const string FreeBucket = "sign-in/free";

    private static readonly TimeSpan _stampLifetime = TimeSpan.FromHours(1);

    /// <summary>Read at each use, so the settings may be changed while the service runs.</summary>
    private BucketSize Free => new(options.Value.FreeSignIns, options.Value.FreeSignInsPerHour);

    /// <summary>A stamp for a sign-in form shown now.</summary>
    public string Stamp() => stamps.Issue(StampScope, options.Value.SignInProofBits);

    /// <summary>Whether a sign-in from an unknown device needs a proof now (the form then asks its script to solve one).</summary>
    public async Task<bool> ProofRequiredNowAsync(CancellationToken cancellationToken = default) =>
        await limits.TokensAsync(FreeBucket, Free, cancellationToken) < 1;

    public int Bits => options.Value.SignInProofBits;

    /// <summary>
    /// Whether a sign-in may run its passphrase check: always from a known device; otherwise while the free budget
    /// lasts, or with an unused stamp and a solution of its proof.
    /// </summary>
    public async Task<bool> AdmitAsync(bool knownDevice, SignInProof? proof, CancellationToken cancellationToken = default)
    {
        if (knownDevice || await limits.TryTakeAsync(FreeBucket, Free, cancellationToken))
        {
            return true;
        }

        var stamp = stamps.Read(proof?.Stamp, StampScope, _stampLifetime);
        return stamp is not null
            && ProofOfWork.IsSolution(proof!.Stamp!, proof.Nonce, stamp.Bits)
            && await stamps.TryUseAsync(stamp, _stampLifetime, cancellationToken);
    }
}

/// <summary>What a sign-in form sent as its proof: the form's stamp and the nonce its script found.</summary>
public sealed record SignInProof(string? Stamp, string? Nonce);
