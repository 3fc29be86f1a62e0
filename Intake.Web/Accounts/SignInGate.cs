using Intake.Web.Keys;
using Intake.Web.Reporting.Admission;
using Microsoft.Extensions.Options;

namespace Intake.Web.Accounts;

/// <summary>
/// The gate before a sign-in from an unknown device runs scrypt (docs/availability.md). Such sign-ins share a
/// budget, one bucket for the whole service: while it lasts nothing changes. When it is spent, a passphrase from an
/// unknown device is checked only with a proof of work over a stamp the sign-in form carries (the same hashcash and
/// stamps as reports, each stamp used once), which the page's script solves before sending. A browser that signed
/// in before (its device cookie belongs to the user) never pays. Nothing about the client is kept.
/// </summary>
public sealed class SignInGate(FormStamps stamps, IOptions<KeyOptions> options, TimeProvider clock)
{
    /// <summary>The stamps' scope: no channel has this code.</summary>
    public const string StampScope = "staff-sign-in";

    private TokenBucket? _free;

    /// <summary>Made at first use, so the settings may still be changed until a sign-in form is first shown.</summary>
    private TokenBucket Free => LazyInitializer.EnsureInitialized(ref _free, () => new TokenBucket(options.Value.FreeSignIns, options.Value.FreeSignInsPerHour));

    /// <summary>A stamp for a sign-in form shown now.</summary>
    public string Stamp() => stamps.Issue(StampScope, options.Value.SignInProofBits);

    /// <summary>Whether a sign-in from an unknown device needs a proof now (the form then asks its script to solve one).</summary>
    public bool ProofRequiredNow => !Free.HasToken(clock.GetUtcNow());

    public int Bits => options.Value.SignInProofBits;

    /// <summary>
    /// Whether a sign-in may run its passphrase check: always from a known device; otherwise while the free budget
    /// lasts, or with an unused stamp and a solution of its proof.
    /// </summary>
    public bool Admit(bool knownDevice, SignInProof? proof)
    {
        if (knownDevice || Free.TryTake(clock.GetUtcNow()))
        {
            return true;
        }

        var lifetime = TimeSpan.FromHours(1);
        var stamp = stamps.Read(proof?.Stamp, StampScope, lifetime);
        return stamp is not null
            && ProofOfWork.IsSolution(proof!.Stamp!, proof.Nonce, stamp.Bits)
            && stamps.TryUse(stamp, lifetime);
    }
}

/// <summary>What a sign-in form sent as its proof: the form's stamp and the nonce its script found.</summary>
public sealed record SignInProof(string? Stamp, string? Nonce);
