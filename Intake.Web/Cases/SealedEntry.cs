using System.Security.Cryptography;
using Intake.Crypto.Age;
using Intake.Web.Mailbox;
using Intake.Web.Reporting;

namespace Intake.Web.Cases;

/// <summary>An entry of a case's thread opened for one request: its document and the descriptions of its files.</summary>
public sealed record OpenedEntry(ReportJson? Report, MessageJson? Message, IReadOnlyList<AttachmentView> Attachments, bool Unreadable)
{
    public static OpenedEntry Empty { get; } = new(null, null, [], false);

    public static OpenedEntry Failed { get; } = new(null, null, [], true);
}

/// <summary>
/// Opens a case entry with whatever identities the reader holds (a handler's channel keys, or the reporter's
/// mailbox key): the sealed JSON document (docs/report-format.md), and each stored attachment matched to its sealed
/// name, type and size. The plaintext buffer is wiped as soon as it is parsed. An entry no identity opens, or
/// whose document does not parse, is reported as unreadable rather than thrown.
/// </summary>
public static class SealedEntry
{
    public static OpenedEntry Open(CaseEntry entry, IReadOnlyList<IIdentity> identities)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Sealed is null)
        {
            return OpenedEntry.Empty;
        }

        try
        {
            var plain = AgeFile.Decrypt(entry.Sealed, identities);
            try
            {
                var report = entry.Kind == EntryKind.Report ? ReportDocument.ParseReport(plain) : null;
                var message = entry.Kind == EntryKind.Report ? null : ReportDocument.ParseMessage(plain);
                var infos = report?.Attachments ?? message?.Attachments ?? [];
                var attachments = entry.Attachments.OrderBy(a => a.Index)
                    .Where(a => a.Index >= 0 && a.Index < infos.Length)
                    .Select(a => new AttachmentView(a.Id, infos[a.Index].Name, infos[a.Index].Type, infos[a.Index].Size))
                    .ToList();
                return new OpenedEntry(report, message, attachments, false);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(plain);
            }
        }
        catch (Exception ex) when (ex is AgeException or System.Text.Json.JsonException)
        {
            return OpenedEntry.Failed;
        }
    }
}
