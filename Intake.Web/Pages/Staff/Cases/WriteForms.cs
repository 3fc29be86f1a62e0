using Intake.Web.Cases;
using Intake.Web.Cases.Drafts;
using Intake.Web.Keys;
using Intake.Web.Localization;

namespace Intake.Web.Pages.Staff.Cases;

/// <summary>The case page's reply and note forms as shown: filled from a ready text asked for, or from the handler's own draft.</summary>
public sealed record CaseWriteForms(WriteForm Reply, WriteForm Note, DateTimeOffset? DraftSavedAt);

/// <summary>
/// Builds the case page's reply and note forms: the ready texts with the one the case's state suggests, a ready
/// text asked for by link (<c>?template=</c>), and the handler's drafts restored (after an idle sign-out, say).
/// </summary>
public sealed class WriteForms(CaseReplyTemplates templates, CaseDrafts drafts)
{
    public CaseWriteForms For(CaseView view, UnlockedKeyring keyring, string? template)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(keyring);
        var record = view.Record;
        var ready = templates.For(template, record, view.Kind);
        var replyDraft = ready is null ? drafts.Open(record, keyring, DraftKind.Reply) : null;
        var noteDraft = drafts.Open(record, keyring, DraftKind.Note);
        var language = Languages.Find(view.Report?.Answers.Language) ?? Languages.Current;
        var handlerHasWritten = view.Thread.Any(t => t.Kind == EntryKind.HandlerMessage);
        var reply = new WriteForm
        {
            CaseId = record.Id,
            Text = ready?.Text ?? replyDraft?.Text,
            Purpose = ready?.Purpose ?? ReplyPurpose.Message,
            ReadyTexts = templates.AllFor(record, view.Kind),
            SelectedReadyText = ready?.Code ?? CaseReplyTemplates.Suggested(record, view.Kind, handlerHasWritten, language),
        };
        var note = new WriteForm { CaseId = record.Id, Text = noteDraft?.Text };
        var savedAt = new[] { replyDraft?.SavedAt, noteDraft?.SavedAt }.Max();
        return new CaseWriteForms(reply, note, savedAt);
    }
}
