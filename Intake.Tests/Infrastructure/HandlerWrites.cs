using Intake.Web.Cases;
using Intake.Web.Keys;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Infrastructure;

/// <summary>A handler writing in a case as the case page does: one reply or note, saved with its audit entry.</summary>
public static class HandlerWrites
{
    public static async Task ReplyAsync(AsyncServiceScope scope, Guid caseId, UnlockedKeyring handler, string text, ReplyPurpose purpose = ReplyPurpose.Message)
    {
        var record = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.SingleAsync(c => c.Id == caseId);
        await scope.ServiceProvider.GetRequiredService<CaseReplies>().ReplyAsync(record, handler, text, purpose);
    }

    /// <summary>
    /// Closes the case with an outcome (a <see cref="CaseOutcomes"/> code), as the case page does once the handler
    /// confirmed closing a whistleblowing case whose acknowledgement or feedback was not sent.
    /// </summary>
    public static async Task CloseAsync(AsyncServiceScope scope, string caseNumber, string outcome)
    {
        var record = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.SingleAsync(c => c.CaseNumber == caseNumber);
        using var handler = await StaffWorld.UnlockAsync(scope, record.CaseNumber.StartsWith("HV", StringComparison.Ordinal) ? StaffWorld.ThreatHandler : StaffWorld.WhistleblowingHandler);
        var problem = await scope.ServiceProvider.GetRequiredService<CaseWorkflow>().SetStatusAsync(record, handler.UserId, CaseStatus.Closed, outcome, confirmedWithoutReplies: true);
        Assert.Equal(WorkflowProblem.None, problem);
    }

    /// <summary>Keeps an unsent reply or note as a draft sealed to the channel, as the case page's script does while the handler types.</summary>
    public static async Task DraftAsync(AsyncServiceScope scope, Guid caseId, UnlockedKeyring handler, Intake.Web.Cases.Drafts.DraftKind kind, string text)
    {
        var record = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.SingleAsync(c => c.Id == caseId);
        await scope.ServiceProvider.GetRequiredService<Intake.Web.Cases.Drafts.CaseDrafts>().SaveAsync(record, handler, kind, text);
    }

    public static async Task NoteAsync(AsyncServiceScope scope, Guid caseId, UnlockedKeyring handler, string text)
    {
        var record = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.SingleAsync(c => c.Id == caseId);
        await scope.ServiceProvider.GetRequiredService<CaseReplies>().NoteAsync(record, handler, text);
    }
}
