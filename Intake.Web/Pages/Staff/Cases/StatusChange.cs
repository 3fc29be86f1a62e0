using Intake.Web.Cases;
using Intake.Web.Keys;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.Cases;

/// <summary>
/// The case page's status form: sets the status, and closes a whistleblowing case that had no acknowledgement or
/// feedback only once the handler confirms it. With the confirmation the handler may send a closing message to
/// the reporter, which counts as the feedback and is sealed like any reply, so the reporter's mailbox explains
/// the closing instead of showing a bare "Closed".
/// </summary>
public sealed class StatusChange(CaseWorkflow workflow, CaseReplies replies, ThreatPanels panels, IStringLocalizer<SharedResource> text)
{
    /// <summary>
    /// The form as posted: saved with the confirmation that fits (changed, closed, closed with a message sent), or
    /// refused with the message by its field, or held for the handler's confirmation of a close (200, no error).
    /// </summary>
    public async Task<CaseFormResult> PostAsync(CaseRecord record, UnlockedKeyring keyring, StatusForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(form);
        var outcome = string.IsNullOrWhiteSpace(form.Outcome) ? null : form.Outcome.Trim();
        var problem = await ApplyAsync(record, keyring, form.Status, outcome, form.ConfirmClose, form.ClosingMessage, cancellationToken);
        switch (problem)
        {
            case WorkflowProblem.None:
                var messageSent = form.ConfirmClose && !string.IsNullOrWhiteSpace(form.ClosingMessage) && CanMessageReporter(record);
                return CaseFormResult.Saved(record.Status != CaseStatus.Closed ? "status" : messageSent ? "closed-sent" : "closed");
            case WorkflowProblem.RepliesMissing:
                return new CaseFormResult(null, [], StatusCodes.Status200OK)
                {
                    CloseConfirmation = CaseWorkflow.RepliesMissing(record),
                    ClosingMessage = form.ClosingMessage ?? text["Staff.Cases.Close.DefaultMessage"],
                };
            case WorkflowProblem.ClosingMessageTooLong:
                return CaseFormResult.Refused("closing-message", text["Staff.Cases.Close.MessageTooLong", CaseReplies.MaxLength]) with
                {
                    CloseConfirmation = CaseWorkflow.RepliesMissing(record),
                };
            case WorkflowProblem.ReportsMissing:
                var missing = await panels.MissingBeforeClosingAsync(record, cancellationToken);
                return CaseFormResult.Refused("new-status", text["Staff.Cases.CloseGuard.Refused", string.Join("; ", missing.Select(m => text["Staff.Cases.CloseGuard." + m].Value))]);
            case WorkflowProblem.Disposed:
                return CaseFormResult.Refused("new-status", text["Staff.Cases.Details.CasesContentHasBeenDisposed"]);
            default:
                return form.Status is null
                    ? CaseFormResult.Refused("new-status", text["Staff.Cases.Details.ChooseStatus"])
                    : CaseFormResult.Refused("outcome", text["Staff.Cases.Details.ChooseHowCaseEnded"]);
        }
    }

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

/// <summary>The status form as posted: the status, the outcome when closing, and the close confirmation with its message.</summary>
public sealed record StatusForm(CaseStatus? Status, string? Outcome, bool ConfirmClose, string? ClosingMessage);
