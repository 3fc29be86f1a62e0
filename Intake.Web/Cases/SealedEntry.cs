using System.Security.Cryptography;
using Intake.Crypto.Age;
using Intake.Web.Mailbox;
using Intake.Web.Reporting;

namespace Intake.Web.Cases;

/// <summary>An entry of a case's thread opened for one request: its document and the descriptions of its files.</summary>
public sealed record OpenedEntry(ReportJson? Report, MessageJson? Message, IReadOnlyList<AttachmentView> Attachments, bool Unreadable);

/// <summary>
/// Opens a case entry with whatever identities the reader holds (a handler's channel keys, or the reporter's
/// mailbox key): the sealed JSON document (docs/report-format.md), and each stored attachment matched to its sealed
/// name, type and size. The plaintext buffer is wiped as soon as it is parsed. An entry no identity opens, or
/// whose document does not meet <see cref="SealedDocumentSchema"/>, is reported as unreadable rather than thrown.
/// </summary>
public static class SealedEntry
{
    /// <summary>
    /// Opens the entry. With <paramref name="everyFile"/> (the handlers' side) files the document does not describe,
    /// or every file of a document that could not be read, are listed too, marked undescribed: nothing stored with a
    /// case is hidden from its handlers. The reporter's side lists only described files.
    /// </summary>
    public static OpenedEntry Open(CaseEntry entry, IReadOnlyList<IIdentity> identities, bool everyFile = false)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Sealed is null)
        {
            return Undescribed(entry, everyFile, unreadable: false);
        }

        byte[] plain;
        try
        {
            plain = AgeFile.Decrypt(entry.Sealed, identities);
        }
        catch (AgeException)
        {
            return Undescribed(entry, everyFile, unreadable: true);
        }

        try
        {
            var report = entry.Kind == EntryKind.Report ? ReportDocument.ParseReport(plain) : null;
            var message = entry.Kind == EntryKind.Report ? null : ReportDocument.ParseMessage(plain);
            if (report is null && message is null)
            {
                return Undescribed(entry, everyFile, unreadable: true);
            }

            var infos = report?.Attachments ?? message?.Attachments ?? [];
            var attachments = entry.Attachments.OrderBy(a => a.Index)
                .Where(a => everyFile || (a.Index >= 0 && a.Index < infos.Length))
                .Select(a => a.Index >= 0 && a.Index < infos.Length
                    ? new AttachmentView(a.Id, SafeFileName.From(infos[a.Index].Name), infos[a.Index].Type, infos[a.Index].Size)
                    : UndescribedFile(a))
                .ToList();
            return new OpenedEntry(report, message, attachments, false);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    private static OpenedEntry Undescribed(CaseEntry entry, bool everyFile, bool unreadable) =>
        new(null, null, everyFile ? entry.Attachments.OrderBy(a => a.Index).Select(UndescribedFile).ToList() : [], unreadable);

    /// <summary>A stored file its document does not describe: a neutral name, no type, its sealed size.</summary>
    private static AttachmentView UndescribedFile(CaseAttachment attachment) =>
        new(attachment.Id, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"undescribed-{attachment.Index + 1}.bin"),
            "application/octet-stream", attachment.SealedLength, Described: false);
}
