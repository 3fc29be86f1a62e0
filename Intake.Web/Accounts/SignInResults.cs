namespace Intake.Web.Accounts;

public enum PassphraseStepOutcome
{
    /// <summary>Wrong username or passphrase (never says which), or a disabled account.</summary>
    Failed,

    /// <summary>Too many failures for this username: wait <see cref="PassphraseStep.RetryAfter"/>.</summary>
    Throttled,

    /// <summary>No username or no passphrase was typed: nothing was checked.</summary>
    Missing,

    /// <summary>Every passphrase slot is taken: try again shortly.</summary>
    Busy,

    /// <summary>
    /// From an unknown device while the free sign-ins are spent, without a valid proof of work: nothing was checked;
    /// the form's script solves the proof over a new stamp and sends again.
    /// </summary>
    ProofNeeded,

    /// <summary>Passphrase correct: the TOTP code comes next.</summary>
    CodeRequired,

    /// <summary>Passphrase correct and no TOTP yet: enrol first.</summary>
    EnrolmentRequired,
}

public sealed record PassphraseStep(PassphraseStepOutcome Outcome, string? PendingId = null, TimeSpan RetryAfter = default);

public enum CodeStepOutcome
{
    Failed,
    Expired,
    SignedIn,
}

/// <param name="DeviceId">After a sign-in: the device id the browser's device cookie carries from now on.</param>
public sealed record CodeStep(CodeStepOutcome Outcome, StaffUser? User = null, string? SessionId = null, string? DeviceId = null);
