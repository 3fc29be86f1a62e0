using Intake.Web.Cases;
using Intake.Web.Keys;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Infrastructure;

/// <summary>A handler writing in a case as the case page does: one reply or note, saved with its audit entry.</summary>
public static class HandlerWrites
{
    public static async Task ReplyAsync(AsyncServiceScope scope, Guid caseId, UnlockedKeyring handler, string text)
    {
        var record = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.SingleAsync(c => c.Id == caseId);
        await scope.ServiceProvider.GetRequiredService<CaseReplies>().ReplyAsync(record, handler, text, ReplyPurpose.Message);
    }

    public static async Task NoteAsync(AsyncServiceScope scope, Guid caseId, UnlockedKeyring handler, string text)
    {
        var record = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.SingleAsync(c => c.Id == caseId);
        await scope.ServiceProvider.GetRequiredService<CaseReplies>().NoteAsync(record, handler, text);
    }
}
