using Intake.Tests.Infrastructure;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Cases;

/// <summary>The hosted job runs on its own when the application starts, on the application's clock.</summary>
public sealed class CaseDisposalJobTests
{
    [Fact]
    public async Task Start_AfterTheDisposalDay_DisposesWithoutBeingAsked()
    {
        using var data = new TempDirectory("intake-disposal-job");
        Guid caseId;
        await using (var first = IntakeApplicationFactory.OverDataDirectory(data.Path))
        {
            using var world = await StaffWorld.CreateAsync(first);
            (caseId, _) = await RetentionScenario.SubmitWhistleblowingAsync(first, "due while the server was down");
            await RetentionScenario.CloseAsync(first, caseId);
        }

        await using var second = IntakeApplicationFactory.OverDataDirectory(data.Path);
        RetentionScenario.PassRetentionPeriod(second);
        _ = second.Services;

        var deadline = DateTime.UtcNow.AddSeconds(30);
        DateOnly? disposedOn = null;
        while (disposedOn is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            await using var scope = second.CreateScope();
            disposedOn = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.AsNoTracking()
                .Where(c => c.Id == caseId).Select(c => c.DisposedOn).SingleAsync();
        }

        Assert.NotNull(disposedOn);
    }
}
