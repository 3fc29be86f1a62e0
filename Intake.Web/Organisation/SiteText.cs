namespace Intake.Web.Organisation;

/// <summary>
/// A text the administrator writes, in one language: the organisation's name and contact text, a channel's name
/// and introduction. One row per owner, field and language, so a new language needs no new column.
/// </summary>
public sealed class SiteText
{
    /// <summary><see cref="SiteTextOwners.Organisation"/> or <see cref="SiteTextOwners.Channel"/> with the channel code.</summary>
    public string Owner { get; set; } = string.Empty;

    /// <summary>One of <see cref="SiteTextFields"/>.</summary>
    public string Field { get; set; } = string.Empty;

    /// <summary>The language's code (<c>sv</c>, <c>en</c>, <c>fi</c>).</summary>
    public string Language { get; set; } = string.Empty;

    public string Value { get; set; } = string.Empty;
}

public static class SiteTextOwners
{
    public const string Organisation = "organisation";

    public static string Channel(string code) => "channel:" + code;
}

public static class SiteTextFields
{
    public const string Name = "name";
    public const string Contact = "contact";
    public const string Intro = "intro";
}
