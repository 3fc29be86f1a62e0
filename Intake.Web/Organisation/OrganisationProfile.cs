namespace Intake.Web.Organisation;

/// <summary>The organisation this instance serves, created once by set-up.</summary>
public sealed class OrganisationProfile
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public string Name { get; set; } = string.Empty;

    /// <summary>Who to contact about the service, shown on the public pages (Swedish).</summary>
    public string ContactTextSv { get; set; } = string.Empty;

    public string ContactTextEn { get; set; } = string.Empty;

    /// <summary>The public recipient of the offline recovery identity (the identity itself is never stored).</summary>
    public string RecoveryRecipient { get; set; } = string.Empty;

    public DateOnly SetUpOn { get; set; }
}
