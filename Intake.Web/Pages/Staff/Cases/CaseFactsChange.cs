using Intake.Web.Cases;
using Intake.Web.Keys;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.Cases;

/// <summary>The case page's assignee and category forms: each saves through <see cref="CaseWorkflow"/> or says what to choose.</summary>
public sealed class CaseFactsChange(CaseWorkflow workflow, CaseReader reader, IStringLocalizer<SharedResource> text)
{
    public async Task<CaseFormResult> AssignAsync(CaseRecord record, UnlockedKeyring keyring, Guid? assigneeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyring);
        return await workflow.AssignAsync(record, keyring.UserId, assigneeId, cancellationToken) == WorkflowProblem.None
            ? CaseFormResult.Saved("assigned")
            : CaseFormResult.Refused("assignee", text["Staff.Cases.Details.ChooseCaseHandlerWhoMember"]);
    }

    public async Task<CaseFormResult> CategoriseAsync(CaseRecord record, UnlockedKeyring keyring, IReadOnlyList<string> categories, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(keyring);
        var channelCode = (await reader.ChannelAsync(record.ChannelId, cancellationToken)).Code;
        return await workflow.CategoriseAsync(record, keyring.UserId, channelCode, categories, cancellationToken) == WorkflowProblem.None
            ? CaseFormResult.Saved("categorised")
            : CaseFormResult.Refused("categories", text["Staff.Cases.Details.ChooseFromCategoriesListed"]);
    }
}
