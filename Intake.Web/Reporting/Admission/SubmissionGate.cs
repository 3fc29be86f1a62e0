using Intake.Web.Reporting.Forms;
using Intake.Web.Storage.Limits;
using Microsoft.Extensions.Options;

namespace Intake.Web.Reporting.Admission;

/// <summary>
/// Decides whether a report is taken (docs/availability.md). Each channel has a budget of free reports, one bucket
/// for everyone: nothing about who sends is kept. While it lasts, every report is taken as before. When it is
/// spent, a report is taken only with a proof: with JavaScript, a proof of work over the form's stamp (the bits
/// rise while proofs keep coming fast); without JavaScript, a form that was open for the minimum time, through a
/// slow lane with a budget of its own. Either proof is used once. The budgets and the used proofs are shared by every
/// application node (<see cref="SharedLimits"/>): N nodes take no more than one would.
/// </summary>
public sealed class SubmissionGate(FormStamps stamps, SharedLimits limits, IOptions<AdmissionOptions> options)
{
    public const string StampField = "formStamp";
    public const string NonceField = "proofNonce";

    public AdmissionOptions Options => options.Value;

    /// <summary>A stamp for a form shown now, with the bits a proof over it would need now.</summary>
    public async Task<string> StampForAsync(string channelCode, CancellationToken cancellationToken = default) =>
        stamps.Issue(channelCode, await CurrentBitsAsync(channelCode, cancellationToken));

    public async Task<Admission> AdmitAsync(string channelCode, FormAnswers fields, bool browser, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var o = Options;
        if (await limits.TryTakeAsync(FreeBucket(channelCode), FreeSize, cancellationToken))
        {
            return Admission.Admitted;
        }

        var stamp = stamps.Read(fields.Get(StampField), channelCode, o.StampLifetime);
        if (browser)
        {
            var nonce = fields.Get(NonceField);
            if (stamp is not null && ProofOfWork.IsSolution(fields.Get(StampField), nonce, stamp.Bits) && !await stamps.IsUsedAsync(stamp, cancellationToken))
            {
                await limits.TryTakeAsync(ProofsBucket(channelCode), ProofsSize, cancellationToken);
                return Admission.With(stamp);
            }

            // A fresh challenge: the browser solves it in a worker and sends again.
            var bits = await CurrentBitsAsync(channelCode, cancellationToken);
            return Admission.ProofNeeded(stamps.Issue(channelCode, bits), bits);
        }

        if (stamp is null)
        {
            return Admission.Wait(o.MinimumFormTime, await StampForAsync(channelCode, cancellationToken));
        }

        if (stamp.Age < o.MinimumFormTime)
        {
            return Admission.Wait(o.MinimumFormTime - stamp.Age, fields.Get(StampField));
        }

        if (!await limits.TryTakeAsync(SlowBucket(channelCode), SlowSize, cancellationToken))
        {
            var tokens = await limits.TokensAsync(SlowBucket(channelCode), SlowSize, cancellationToken);
            var wait = tokens >= 1 || o.SlowLanePerHour <= 0 ? TimeSpan.Zero : TimeSpan.FromHours((1 - tokens) / o.SlowLanePerHour);
            return Admission.Wait(wait, fields.Get(StampField));
        }

        return await stamps.IsUsedAsync(stamp, cancellationToken) ? Admission.Wait(o.MinimumFormTime, await StampForAsync(channelCode, cancellationToken)) : Admission.With(stamp);
    }

    /// <summary>
    /// Just before the report is committed: uses up the proof it was admitted with, on every node, so that no proof
    /// takes two reports (false for the second of two sent at once). A form refused for its answers keeps its proof.
    /// </summary>
    public async Task<bool> TryConsumeAsync(Admission admission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(admission);
        return admission.Proof is null || await stamps.TryUseAsync(admission.Proof, Options.StampLifetime, cancellationToken);
    }

    /// <summary>The proof bits now: the base, plus one for each doubling of recent proofs beyond the free burst.</summary>
    public async Task<int> CurrentBitsAsync(string channelCode, CancellationToken cancellationToken = default)
    {
        var o = Options;
        var recent = (int)(ProofsSize.Capacity - await limits.TokensAsync(ProofsBucket(channelCode), ProofsSize, cancellationToken));
        var extra = recent <= o.FreeBurst ? 0 : (int)Math.Floor(Math.Log2((double)recent / Math.Max(1, o.FreeBurst))) + 1;
        return o.ProofBits + Math.Clamp(extra, 0, o.MaxExtraProofBits);
    }

    private BucketSize FreeSize => new(Options.FreeBurst, Options.FreePerHour);

    private BucketSize SlowSize => new(Options.SlowLaneBurst, Options.SlowLanePerHour);

    /// <summary>Proofs beyond the free rate: drains at the free rate, so what it lacks of full is the recent excess.</summary>
    private BucketSize ProofsSize => new(1_000_000, Options.FreePerHour);

    private static string FreeBucket(string channel) => "reports/free\n" + channel;

    private static string SlowBucket(string channel) => "reports/slow\n" + channel;

    private static string ProofsBucket(string channel) => "reports/proofs\n" + channel;
}

/// <summary>What the gate said: taken; or a challenge to solve (JavaScript); or how long to wait (no JavaScript).</summary>
public sealed record Admission(bool IsAdmitted, string? Challenge, int Bits, TimeSpan RetryAfter, Stamp? Proof = null)
{
    public static Admission Admitted { get; } = new(true, null, 0, TimeSpan.Zero);

    /// <summary>Taken on the strength of <paramref name="proof"/>, which is used up when the report commits.</summary>
    public static Admission With(Stamp proof) => new(true, null, 0, TimeSpan.Zero, proof);

    public static Admission ProofNeeded(string challenge, int bits) => new(false, challenge, bits, TimeSpan.Zero);

    /// <summary>Not now: the form (with <paramref name="stamp"/>, kept or new) may be sent again after <paramref name="wait"/>.</summary>
    public static Admission Wait(TimeSpan wait, string stamp) => new(false, stamp, 0, wait);
}
