using Intake.Tests.Infrastructure;
using Intake.Web.Notifications;

namespace Intake.Tests.Web.Notifications;

/// <summary>STARTTLS to a server with a certificate made for the test: pinned it works; untrusted it is refused, never sent in clear.</summary>
public sealed class StartTlsTests : NotificationTestBase
{
    protected override bool StartTls => true;

    [Fact]
    public async Task StartTls_WithThePinnedTestCertificate_DeliversOverTls()
    {
        await SubmitThreatAsync("Hot.");
        await SendDueAsync();

        var mail = Assert.Single(await Smtp.WaitForAsync(1));
        Assert.True(mail.Secure);
        Assert.Equal(AddressOf(StaffWorld.ThreatHandler), mail.Recipient);
    }

    [Fact]
    public async Task StartTls_WithAnUntrustedCertificate_IsRefused_AndNothingIsSentInClear()
    {
        await RestartAsync(settings => settings["Intake:Mail:CertificateFingerprint"] = null);

        await SubmitThreatAsync("Hot.");
        await SendDueAsync();

        Assert.Empty(Smtp.Received);
        var notice = Assert.Single(await OutboxAsync());
        Assert.Equal(OutboxState.Waiting, notice.State);
        Assert.Equal("TLS handshake", notice.LastError);
    }
}

/// <summary>A server that offers no STARTTLS while it is required: the notice waits, it is not sent in clear.</summary>
public sealed class StartTlsRequiredTests : NotificationTestBase
{
    [Fact]
    public async Task StartTlsRequired_ServerWithoutIt_SendsNothing()
    {
        await RestartAsync(settings => settings["Intake:Mail:Security"] = nameof(MailSecurity.StartTls));

        await SubmitThreatAsync("Hot.");
        await SendDueAsync();

        Assert.Empty(Smtp.Received);
        Assert.Equal("STARTTLS not offered", Assert.Single(await OutboxAsync()).LastError);
    }
}
