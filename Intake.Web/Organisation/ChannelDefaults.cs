using Intake.Web.Keys;

namespace Intake.Web.Organisation;

/// <summary>The resource keys of the channels' built-in names and introductions, which the administrator can override.</summary>
public static class ChannelDefaults
{
    public static string NameKey(string code) => code switch
    {
        ChannelCodes.Whistleblowing => "Channel.Whistleblowing.Name",
        ChannelCodes.Threat => "Channel.Threat.Name",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown channel code"),
    };

    public static string IntroKey(string code) => code switch
    {
        ChannelCodes.Whistleblowing => "Channel.Whistleblowing.Intro",
        ChannelCodes.Threat => "Channel.Threat.Intro",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown channel code"),
    };
}
