using System.Globalization;
using Intake.Tests.Infrastructure;
using Intake.Web.Notifications;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Notifications;

/// <summary>
/// An organisation whose staff have addresses (except "wb-quiet"), an application that sends through a real SMTP
/// server on loopback, and intents to send reports and run the sender and the reminder scan. The background
/// sender looks every hour unless a test asks for <see cref="PollInterval"/> to be short, so that tests decide
/// when mail goes out; the clock is the application's manual clock.
/// </summary>
public abstract class NotificationTestBase : IAsyncLifetime
{
    protected const string SecondHandler = "wb-second";
    protected const string QuietHandler = "wb-quiet";
    protected const string Domain = "kommun.example";

    private readonly TempDirectory _data = new("intake-notify");

    protected SmtpTestServer Smtp { get; private set; } = null!;

    protected IntakeApplicationFactory App { get; private set; } = null!;

    protected StaffWorld World { get; private set; } = null!;

    protected virtual bool StartTls => false;

    protected virtual TimeSpan MaxDelay => TimeSpan.Zero;

    protected virtual TimeSpan PollInterval => TimeSpan.FromHours(1);

    protected static string AddressOf(string username) => username + "@" + Domain;

    public virtual async Task InitializeAsync()
    {
        Smtp = new SmtpTestServer(StartTls);
        await Smtp.StartAsync();
        App = NewApplication();
        var plan = StaffWorld.Plan(SecondHandler, QuietHandler);
        plan.Administrator.Email = AddressOf(StaffWorld.AdminName);
        foreach (var handler in plan.Channels.SelectMany(c => c.Handlers).Where(h => h.Username != QuietHandler))
        {
            handler.Email = AddressOf(handler.Username);
        }

        World = await StaffWorld.CreateAsync(App, plan);
    }

    public virtual async Task DisposeAsync()
    {
        World.Dispose();
        await App.DisposeAsync();
        await Smtp.DisposeAsync();
        _data.Dispose();
    }

    /// <summary>An application over the test's data directory (a second one after a restart), sending to <see cref="Smtp"/>.</summary>
    protected IntakeApplicationFactory NewApplication(Action<Dictionary<string, string?>>? adjust = null)
    {
        var app = IntakeApplicationFactory.OverDataDirectory(_data.Path);
        var settings = app.Settings;
        settings["Intake:Mail:Host"] = "127.0.0.1";
        settings["Intake:Mail:Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture);
        settings["Intake:Mail:Security"] = StartTls ? nameof(MailSecurity.StartTls) : nameof(MailSecurity.None);
        settings["Intake:Mail:From"] = "Intake <intake@" + Domain + ">";
        settings["Intake:Mail:Timeout"] = "00:00:05";
        settings["Intake:Notifications:PublicUrl"] = "https://intake." + Domain + "/";
        settings["Intake:Notifications:MaxDelay"] = MaxDelay.ToString("c", CultureInfo.InvariantCulture);
        settings["Intake:Notifications:PollInterval"] = PollInterval.ToString("c", CultureInfo.InvariantCulture);
        settings["Intake:Notifications:DeadlineScanInterval"] = "01:00:00";
        if (StartTls)
        {
            settings["Intake:Mail:CertificateFingerprint"] = Smtp.CertificateFingerprint;
        }

        adjust?.Invoke(settings);
        return app;
    }

    /// <summary>Stops the running application and starts a new one over the same data, as a restart does.</summary>
    protected async Task RestartAsync(Action<Dictionary<string, string?>>? adjust = null)
    {
        var clock = App.Clock.GetUtcNow();
        await App.DisposeAsync();
        App = NewApplication(adjust);
        App.Clock.Advance(clock - App.Clock.GetUtcNow());
    }

    protected async Task<(Guid CaseId, string Token)> SubmitAsync(string path, Dictionary<string, string[]> fields)
    {
        using var reporter = new ReporterClient(App);
        var (response, receipt) = await reporter.SubmitAsync(path, fields);
        response.EnsureSuccessStatusCode();
        var token = ReporterClient.TokenOn(receipt);
        await using var scope = App.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var code = path[(path.LastIndexOf('/') + 1)..];
        var channel = await db.Channels.Where(c => c.Code == code).Select(c => c.Id).SingleAsync();
        var id = await db.Cases.AsNoTracking().Where(c => c.ChannelId == channel)
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.Sequence).Select(c => c.Id).FirstAsync();
        return (id, token);
    }

    protected Task<(Guid CaseId, string Token)> SubmitWhistleblowingAsync(string text) =>
        SubmitAsync("/report/whistleblowing", ReporterClient.MinimalWhistleblowing(text));

    protected Task<(Guid CaseId, string Token)> SubmitThreatAsync(string text) =>
        SubmitAsync("/report/threat", ReporterClient.MinimalThreat(text));

    /// <summary>One run of the sender, as the background job does it.</summary>
    protected Task<int> SendDueAsync() => App.Services.GetRequiredService<NotificationJob>().SendDueAsync();

    /// <summary>One run of the reminder and digest scan, as the background job does it.</summary>
    protected Task<int> ScanAsync() => App.Services.GetRequiredService<NotificationJob>().ScanAsync();

    protected async Task<List<OutboxNotice>> OutboxAsync()
    {
        await using var scope = App.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Outbox.AsNoTracking().OrderBy(n => n.CreatedAtMs).ToListAsync();
    }

    protected async Task<string> CaseNumberAsync(Guid caseId)
    {
        await using var scope = App.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.Where(c => c.Id == caseId).Select(c => c.CaseNumber).SingleAsync();
    }

    /// <summary>A handler signed in through the real pages.</summary>
    protected async Task<StaffBrowserClient> SignInAsync(string username)
    {
        var client = new StaffBrowserClient(App);
        Assert.True(StaffBrowserClient.IsSignedIn(await client.SignInAsync(username)), $"{username} could not sign in");
        return client;
    }

    /// <summary>Posts one of the threats panel's forms (Statutory, Triage, Measure, Urgency, Unit) as the case page does; it must succeed.</summary>
    protected static async Task PostThreatPanelAsync(StaffBrowserClient handler, Guid caseId, string form, params (string Name, string Value)[] fields)
    {
        ArgumentNullException.ThrowIfNull(handler);
        using var response = await handler.PostToHandlerAsync($"/Staff/Cases/{caseId}/Threat", form, fields);
        Assert.True(response.IsSuccessStatusCode, $"{form} was refused: {(int)response.StatusCode}");
        Assert.EndsWith($"/Staff/Cases/{caseId}", response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
    }

    protected async Task UpdateCaseAsync(Guid caseId, Action<Intake.Web.Cases.CaseRecord> change)
    {
        await using var scope = App.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var record = await db.Cases.SingleAsync(c => c.Id == caseId);
        change(record);
        await db.SaveChangesAsync();
    }

}
