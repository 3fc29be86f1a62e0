using Intake.Tests.Infrastructure;
using Intake.Web.Hosting;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Reporting;

public sealed class AttachmentSweeperTests
{
    [Fact]
    public async Task Start_RemovesStagingAndUnreferencedFilesButKeepsCommittedOnes()
    {
        using var data = new TempDirectory("intake-sweep");
        string kept;
        await using (var first = IntakeApplicationFactory.OverDataDirectory(data.Path))
        {
            using var world = await StaffWorld.CreateAsync(first);
            using var reporter = new ReporterClient(first);
            await reporter.SubmitAsync("/report/whistleblowing", ReporterClient.MinimalWhistleblowing("kept"), [("a.txt", [1, 2, 3])]);
            await using var scope = first.CreateScope();
            kept = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().CaseAttachments.Select(a => a.FileName).SingleAsync();
        }

        var attachments = Path.Combine(data.Path, "attachments");
        var staging = Path.Combine(attachments, ".staging-" + Guid.NewGuid().ToString("N"));
        var orphan = Path.Combine(attachments, Guid.NewGuid().ToString("N") + ".age");
        await File.WriteAllBytesAsync(staging, [1]);
        await File.WriteAllBytesAsync(orphan, [2]);

        await using (var second = IntakeApplicationFactory.OverDataDirectory(data.Path))
        {
            _ = second.Services.GetRequiredService<DataDirectory>();
            using var client = second.CreateClient();
            using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        }

        Assert.False(File.Exists(staging));
        Assert.False(File.Exists(orphan));
        Assert.True(File.Exists(Path.Combine(attachments, kept)));
    }
}
