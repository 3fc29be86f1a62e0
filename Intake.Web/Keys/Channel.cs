namespace Intake.Web.Keys;

/// <summary>
/// A reporting channel (whistleblowing, or threats and violence) with its texts and its current public key.
/// The channel identity is never stored in clear: see <see cref="ChannelKey"/> and <see cref="ChannelKeyWrap"/>.
/// </summary>
public sealed class Channel
{
    public Guid Id { get; set; }

    /// <summary>Stable code used in URLs and in the triage tables: <see cref="ChannelCodes"/>.</summary>
    public string Code { get; set; } = string.Empty;

    public string NameSv { get; set; } = string.Empty;

    public string NameEn { get; set; } = string.Empty;

    public string IntroSv { get; set; } = string.Empty;

    public string IntroEn { get; set; } = string.Empty;

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
