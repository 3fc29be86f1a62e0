namespace Intake.Web.Keys;

/// <summary>
/// A reporting channel (whistleblowing, or threats and violence) with its current public key; its names and
/// introductions are <see cref="Organisation.SiteText"/> rows.
/// The channel identity is never stored in clear: see <see cref="ChannelKey"/> and <see cref="ChannelKeyWrap"/>.
/// </summary>
public sealed class Channel
{
    public Guid Id { get; set; }

    /// <summary>Stable code used in URLs and in the triage tables: <see cref="ChannelCodes"/>.</summary>
    public string Code { get; set; } = string.Empty;

    /// <summary>The version of the key new content is sealed to.</summary>
    public int CurrentKeyVersion { get; set; }

    public List<ChannelKey> Keys { get; } = [];

    public List<ChannelMembership> Members { get; } = [];
}

public static class ChannelCodes
{
    public const string Whistleblowing = "whistleblowing";
    public const string Threat = "threat";

    public static IReadOnlyList<string> All { get; } = [Whistleblowing, Threat];
}
