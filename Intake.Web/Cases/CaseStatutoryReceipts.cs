using System.Globalization;
using Intake.Crypto.Age;
using Intake.Web.Audit;
using Intake.Web.Keys;
using Intake.Web.Reporting.Uploads;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Cases;

/// <summary>
/// The receipt from the joint e-service of Arbetsmiljöverket and Försäkringskassan (anmalarbetsskada.se), kept with
/// the case: the file, already sealed to the channel alone as it arrived, becomes an internal note saying which report
/// it is the receipt of, and the audit trail records that a receipt was attached for that authority (never the file's
/// name). The reporter never sees it.
/// </summary>
public sealed class CaseStatutoryReceipts(CaseMessages messages, AuditLog audit, IStringLocalizer<SharedResource> text)
{
    public const string WorkEnvironment = "awe";
    public const string SocialInsurance = "fk";

    public static IReadOnlyList<string> Authorities { get; } = [WorkEnvironment, SocialInsurance];

    public static bool IsAuthority(string? code) => code is not null && Authorities.Contains(code, StringComparer.Ordinal);

    public async Task AttachAsync(
        CaseRecord record, UnlockedKeyring keyring, string authority, IReadOnlyList<StagedFile> files, IReadOnlyCollection<IRecipient> recipients,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(keyring);
        ArgumentNullException.ThrowIfNull(files);
        if (!IsAuthority(authority) || files.Count == 0)
        {
            throw new ArgumentException("A receipt needs an authority and a file.", nameof(authority));
        }

        var note = text["Staff.Cases.Receipt.Note", text["Staff.Cases.Receipt.Authority." + authority]].Value;
        await messages.NoteAsync(record.Id, keyring, note, files, recipients, cancellationToken);
        await audit.AppendAsync(AuditKinds.CaseReceiptAttached, keyring.UserId, record.Id, record.ChannelId,
            string.Create(CultureInfo.InvariantCulture, $"{authority} files={files.Count}"), cancellationToken);
    }
}
