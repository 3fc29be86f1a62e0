using Intake.Web.Channels;

namespace Intake.Web.Organisation;

/// <summary>The resource keys of the channels' built-in names and introductions, which the administrator can override.</summary>
public static class ChannelDefaults
{
    public static string NameKey(string code) => ChannelKinds.For(code).NameKey;

    public static string IntroKey(string code) => ChannelKinds.For(code).IntroKey;
}
