namespace Intake.Web.Organisation;

/// <summary>
/// A part of the organisation where an incident can happen (a förvaltning, a nämnd, a kommunalt bolag), kept by the
/// administrator. Cases keep only its code, in clear, for statistics; its names are <see cref="SiteText"/> rows per
/// language (owner <c>unit:{code}</c>). A retired unit stays for the cases that name it and is no longer offered.
/// </summary>
public sealed class OrganisationUnit
{
    public string Code { get; set; } = string.Empty;

    public int Position { get; set; }

    public bool Retired { get; set; }
}
