using Intake.Web.Hosting;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Reporting.Uploads;

/// <summary>
/// Removes what no committed case references from the attachments folder: staging files of uploads that never
/// committed, and sealed files that no committed case references (renamed just before a transaction that then
/// failed, or left by a crash). At start, before requests are taken, everything such goes; while the app runs
/// (<see cref="AttachmentSweepJob"/>) only files not written for <see cref="UploadOptions.StaleAfter"/>, so an
/// upload in flight, or a file promoted a moment before its transaction commits, is never touched.
/// </summary>
public static partial class AttachmentSweeper
{
    /// <summary>Everything unreferenced: at start, before requests are taken.</summary>
    public static Task<int> SweepAsync(IServiceProvider services, CancellationToken cancellationToken = default) =>
        SweepAsync(services, null, cancellationToken);

    /// <summary>Only what was not written for <paramref name="olderThan"/> (everything when null).</summary>
    public static async Task<int> SweepAsync(IServiceProvider services, TimeSpan? olderThan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var folder = services.GetRequiredService<DataDirectory>().Attachments;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var cutoff = DateTime.UtcNow - (olderThan ?? TimeSpan.Zero);

        // Listed before the references are read: a file promoted and committed after this is not among them.
        var candidates = Directory.EnumerateFiles(folder)
            .Where(path => olderThan is null || File.GetLastWriteTimeUtc(path) < cutoff)
            .ToList();
        var referenced = (await db.CaseAttachments.AsNoTracking().Select(a => a.FileName).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var removed = 0;
        foreach (var path in candidates)
        {
            var name = Path.GetFileName(path);
            if (name.StartsWith(StagedFile.TempPrefix, StringComparison.Ordinal) || (name.EndsWith(".age", StringComparison.Ordinal) && !referenced.Contains(name)))
            {
                try
                {
                    File.Delete(path);
                    removed++;
                }
                catch (IOException)
                {
                    // Gone already, or busy: the next sweep tries again.
                }
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
