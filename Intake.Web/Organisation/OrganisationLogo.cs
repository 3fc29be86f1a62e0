namespace Intake.Web.Organisation;

/// <summary>The organisation's logo for the page header, as sanitised at upload (PNG or SVG); at most one.</summary>
public sealed class OrganisationLogo
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary><c>image/png</c> or <c>image/svg+xml</c>.</summary>
    public string ContentType { get; set; } = string.Empty;

    public byte[] Content { get; set; } = [];

    /// <summary>Changes with every upload, so the address of the image changes and no stale copy is shown.</summary>
    public Guid Version { get; set; }
}
