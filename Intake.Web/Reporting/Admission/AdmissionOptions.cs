namespace Intake.Web.Reporting.Admission;

/// <summary>Settings under <c>Intake:Admission</c> (docs/availability.md).</summary>
public sealed class AdmissionOptions
{
    public const string SectionName = "Intake:Admission";

    /// <summary>Reports a channel takes without any proof, as a burst.</summary>
    public int FreeBurst { get; set; } = 20;

    /// <summary>How many free reports a channel gets back per hour.</summary>
    public int FreePerHour { get; set; } = 60;

    /// <summary>Leading zero bits of SHA-256 a browser must find while the free budget is spent.</summary>
    public int ProofBits { get; set; } = 18;

    /// <summary>Most extra bits added while proofs keep arriving fast.</summary>
    public int MaxExtraProofBits { get; set; } = 6;

    /// <summary>How long a challenge or form stamp is good for.</summary>
    public TimeSpan StampLifetime { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Without JavaScript, while the free budget is spent: how long the form must have been open.</summary>
    public TimeSpan MinimumFormTime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Without JavaScript, while the free budget is spent: reports a channel takes through the slow lane as a burst.</summary>
    public int SlowLaneBurst { get; set; } = 10;

    /// <summary>How many slow-lane reports a channel gets back per hour.</summary>
    public int SlowLanePerHour { get; set; } = 30;
}
