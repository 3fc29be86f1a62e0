using System.Collections.Concurrent;
using Intake.Web.Reporting.Forms;
using Microsoft.Extensions.Options;

namespace Intake.Web.Reporting.Admission;

/// <summary>
/// Decides whether a report is taken (docs/availability.md). Each channel has a budget of free reports, one bucket
/// for everyone: nothing about who sends is kept. While it lasts, every report is taken as before. When it is
/// spent, a report is taken only with a proof: with JavaScript, a proof of work over the form's stamp (the bits
/// rise while proofs keep coming fast); without JavaScript, a form that was open for the minimum time, through a
/// slow lane with a budget of its own. Either proof is used once.
/// </summary>
public sealed class SubmissionGate(FormStamps stamps, IOptions<AdmissionOptions> options, TimeProvider clock)
{
    public const string StampField = "formStamp";
    public const string NonceField = "proofNonce";

    private readonly ConcurrentDictionary<string, TokenBucket> _free = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TokenBucket> _slow = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TokenBucket> _proofs = new(StringComparer.Ordinal);

    public AdmissionOptions Options => options.Value;

    /// <summary>A stamp for a form shown now, with the bits a proof over it would need now.</summary>
    public string StampFor(string channelCode) => stamps.Issue(channelCode, CurrentBits(channelCode));

    public Admission Admit(string channelCode, FormAnswers fields, bool browser)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var o = Options;
        if (Free(channelCode).TryTake(clock.GetUtcNow()))
        {
            return Admission.Admitted;
        }

        var stamp = stamps.Read(fields.Get(StampField), channelCode, o.StampLifetime);
        if (browser)
        {
            var nonce = fields.Get(NonceField);
            if (stamp is not null && ProofOfWork.IsSolution(fields.Get(StampField), nonce, stamp.Bits) && !stamps.IsUsed(stamp))
            {
                Proofs(channelCode).TryTake(clock.GetUtcNow());
                return Admission.With(stamp);
            }

            // A fresh challenge: the browser solves it in a worker and sends again.
            return Admission.ProofNeeded(StampFor(channelCode), CurrentBits(channelCode));
        }

        if (stamp is null)
        {
            return Admission.Wait(o.MinimumFormTime, StampFor(channelCode));
        }

        if (stamp.Age < o.MinimumFormTime)
        {
            return Admission.Wait(o.MinimumFormTime - stamp.Age, fields.Get(StampField));
        }

        if (!Slow(channelCode).TryTake(clock.GetUtcNow()))
        {
            return Admission.Wait(Slow(channelCode).TimeToNext(clock.GetUtcNow()), fields.Get(StampField));
        }

        return stamps.IsUsed(stamp) ? Admission.Wait(o.MinimumFormTime, StampFor(channelCode)) : Admission.With(stamp);
    }

    /// <summary>
    /// Just before the report is committed: uses up the proof it was admitted with, so that no proof takes two
    /// reports (false for the second of two sent at once). A form refused for its answers keeps its proof.
    /// </summary>
    public bool TryConsume(Admission admission)
    {
        ArgumentNullException.ThrowIfNull(admission);
        return admission.Proof is null || stamps.TryUse(admission.Proof, Options.StampLifetime);
    }

    /// <summary>The proof bits now: the base, plus one for each doubling of recent proofs beyond the free burst.</summary>
    public int CurrentBits(string channelCode)
    {
        var o = Options;
        var recent = Proofs(channelCode).Spent(clock.GetUtcNow());
        var extra = recent <= o.FreeBurst ? 0 : (int)Math.Floor(Math.Log2((double)recent / Math.Max(1, o.FreeBurst))) + 1;
        return o.ProofBits + Math.Clamp(extra, 0, o.MaxExtraProofBits);
    }

    private TokenBucket Free(string channel) => _free.GetOrAdd(channel, _ => new TokenBucket(Options.FreeBurst, Options.FreePerHour));

    private TokenBucket Slow(string channel) => _slow.GetOrAdd(channel, _ => new TokenBucket(Options.SlowLaneBurst, Options.SlowLanePerHour));

    /// <summary>Proofs beyond the free rate: drains at the free rate, so what it holds is the recent excess.</summary>
    private TokenBucket Proofs(string channel) => _proofs.GetOrAdd(channel, _ => new TokenBucket(1_000_000, Options.FreePerHour));
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
