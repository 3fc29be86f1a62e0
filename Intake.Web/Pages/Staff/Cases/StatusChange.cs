using Intake.Web.Cases;
using Intake.Web.Keys;

namespace Intake.Web.Pages.Staff.Cases;

/// <summary>
/// The case page's status form: sets the status, and closes a whistleblowing case that had no acknowledgement or
/// feedback only once the handler confirms it. With the confirmation the handler may send a closing message to
/// the reporter, which counts as the feedback and is sealed like any reply, so the reporter's mailbox explains
/// the closing instead of showing a bare "Closed".
/// </summary>
public sealed class StatusChange(CaseWorkflow workflow, CaseReplies replies)
{
    public async Task<WorkflowProblem> ApplyAsync(
        CaseRecord record, UnlockedKeyring keyring, CaseStatus? status, string? outcome, bool confirmed, string? closingMessage,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(keyring);
        if (status is not { } chosen || !Enum.IsDefined(chosen))
        {
            return WorkflowProblem.OutcomeRequired;
        }

        var message = chosen == CaseStatus.Closed && confirmed && CanMessageReporter(record) && !string.IsNullOrWhiteSpace(closingMessage)
            ? closingMessage.Trim()
            : null;
        if (message is { Length: > CaseReplies.MaxLength })
        {
            return WorkflowProblem.ClosingMessageTooLong;
        }

        var problem = await workflow.SetStatusAsync(record, keyring.UserId, chosen, outcome, confirmed, cancellationToken);
        if (problem == WorkflowProblem.None && message is not null)
        {
            await replies.ReplyAsync(record, keyring, message, ReplyPurpose.Feedback, cancellationToken);
        }

        return problem;
    }

    /// <summary>True when the reporter has a mailbox to read a closing message in.</summary>
    public static bool CanMessageReporter(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return !string.IsNullOrEmpty(record.MailboxRecipient);
    }
}
