using System.Text;
using Intake.Tests.Infrastructure;

namespace Intake.Tests.Web.Notifications;

/// <summary>
/// Nothing of a report leaves the server in a mail: every mail sent about a report, a follow-up and a meeting
/// request is searched, raw and decoded, for the report's text, its categories (codes and words), the case
/// number, the reporter's name and contact, and the mailbox token.
/// </summary>
public sealed class ContentFreeMailTests : NotificationTestBase
{
    [Fact]
    public async Task NoMail_CarriesACanary_Category_CaseNumber_OrReporterName()
    {
        var canary = "CANARY-" + Guid.NewGuid().ToString("N");
        var (threatCase, threatToken) = await SubmitThreatAsync("Hotet " + canary);
        var (whistleCase, whistleToken) = await SubmitWhistleblowingAsync("Mutan " + canary);
        using (var reporter = new ReporterClient(App))
        using (var followUp = await reporter.SendFollowUpAsync(whistleToken, "Tillägg " + canary))
        using (var meeting = await reporter.RequestMeetingAsync(threatToken))
        {
            Assert.True(followUp.IsSuccessStatusCode && meeting.IsSuccessStatusCode);
        }

        await SendDueAsync();
        var mails = await Smtp.WaitForAsync(3);

        string[] forbidden =
        [
            canary, await CaseNumberAsync(threatCase), await CaseNumberAsync(whistleCase), threatToken, whistleToken,
            "Kim Exempel", "kim@example.org", "bribery", "Mutor och korruption", "death-threat", "Dödshot", "doxing",
            "elected", "social-media", threatCase.ToString(), whistleCase.ToString(), threatCase.ToString("N"), whistleCase.ToString("N"),
        ];
        foreach (var mail in mails)
        {
            var raw = Encoding.UTF8.GetString(mail.Raw);
            var decoded = mail.Subject + "\n" + mail.Body + "\n" + string.Join('\n', mail.Message.Headers.Select(h => h.Value));
            foreach (var secret in forbidden)
            {
                Assert.DoesNotContain(secret, raw, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(secret, decoded, StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}
