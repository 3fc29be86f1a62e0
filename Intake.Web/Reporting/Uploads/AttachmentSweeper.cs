using Intake.Web.Hosting;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Reporting.Uploads;

/// <summary>
/// Removes what a crash can leave in the attachments folder: staging files of uploads that never committed, and
/// sealed files that no committed case references (renamed just before a transaction that then failed). Runs at
/// start, before requests are taken, so nothing in flight is touched.
/// </summary>
public static partial class AttachmentSweeper
{
    public static async Task<int> SweepAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var folder = services.GetRequiredService<DataDirectory>().Attachments;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var referenced = (await db.CaseAttachments.AsNoTracking().Select(a => a.FileName).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var removed = 0;
        foreach (var path in Directory.EnumerateFiles(folder))
        {
            var name = Path.GetFileName(path);
            if (name.StartsWith(StagedFile.TempPrefix, StringComparison.Ordinal) || (name.EndsWith(".age", StringComparison.Ordinal) && !referenced.Contains(name)))
            {
                File.Delete(path);
                removed++;
            }
        }

        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AttachmentSweeper));
        if (removed > 0)
        {
            LogSwept(logger, removed);
        }

        return removed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} orphaned attachment files")]
    private static partial void LogSwept(ILogger logger, int count);
}
