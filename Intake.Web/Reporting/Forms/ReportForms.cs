using Intake.Web.Keys;

namespace Intake.Web.Reporting.Forms;

public static class ReportForms
{
    public static IReadOnlyList<ReportForm> All { get; } = [WhistleblowingForm.Form, ThreatForm.Form];

    public static ReportForm For(string channelCode) => channelCode switch
    {
        ChannelCodes.Whistleblowing => WhistleblowingForm.Form,
        ChannelCodes.Threat => ThreatForm.Form,
        _ => throw new ArgumentOutOfRangeException(nameof(channelCode), channelCode, "Unknown channel"),
    };
}
