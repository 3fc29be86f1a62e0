namespace Intake.Web.Organisation;

/// <summary>The organisation this instance serves, created once by set-up. Its name and contact text are
/// <see cref="SiteText"/> rows, per language.</summary>
public sealed class OrganisationProfile
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>The public recipient of the offline recovery identity (the identity itself is never stored).</summary>
    public string RecoveryRecipient { get; set; } = string.Empty;

    public DateOnly SetUpOn { get; set; }
}
