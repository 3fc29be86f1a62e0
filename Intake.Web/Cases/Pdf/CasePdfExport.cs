using Intake.Web.Audit;
using Intake.Web.Keys;
using Intake.Web.Organisation;
using Intake.Web.Storage;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Cases.Pdf;

/// <summary>
/// The case as a PDF for the registry: decrypted with the handler's keys for this request, laid out in memory,
/// never written to disk. Audited as <c>case.pdf-exported</c> with whether the identity was included; including
/// it is also audited as an identity reveal, like the case page's button and the print view's form.
/// </summary>
public sealed class CasePdfExport(CasePrintReader reader, SiteTexts texts, AuditLog audit, UnitOfWork work, CaseCalendar calendar,
    IStringLocalizer<SharedResource> text)
{
    /// <summary>The PDF in a memory buffer positioned at its start, or null when no font for it is installed.</summary>
    public async Task<MemoryStream?> RenderAsync(CaseRecord record, UnlockedKeyring keyring, bool includeIdentity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(keyring);
        if (!CasePdfFonts.EnsureInstalled())
        {
            return null;
        }

        var readout = await reader.ReadAsync(record, keyring, cancellationToken);
        var channelName = await texts.ChannelNameAsync(readout.ChannelCode, cancellationToken);
        var buffer = new MemoryStream();
        CasePdfDocument.Write(new CasePdfContent(readout, channelName, calendar.Today, includeIdentity), text, buffer);
        if (includeIdentity)
        {
            audit.Record(AuditKinds.CaseIdentityRevealed, keyring.UserId, record.Id, record.ChannelId, "pdf");
        }

        audit.Record(AuditKinds.CasePdfExported, keyring.UserId, record.Id, record.ChannelId, includeIdentity ? "identity=included" : "identity=withheld");
        await work.SaveAsync(cancellationToken);
        buffer.Position = 0;
        return buffer;
    }

    /// <summary>The file name offered: the case number with nothing a file system would read as a path.</summary>
    public static string FileName(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return SafeFileName.From(record.CaseNumber + ".pdf");
    }
}
