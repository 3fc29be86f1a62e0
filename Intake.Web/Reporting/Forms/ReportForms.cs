namespace Intake.Web.Reporting.Forms;

public static class ReportForms
{
    public static IReadOnlyList<ReportForm> All { get; } = [.. Channels.ChannelKinds.All.Select(k => k.Form)];

    /// <summary>The form of a channel kind; throws for an unknown code.</summary>
    public static ReportForm For(string channelCode) => Channels.ChannelKinds.For(channelCode).Form;
}
