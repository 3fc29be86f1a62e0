using System.Security.Cryptography;
using System.Text.Json;
using Intake.Crypto.Age;
using Intake.Web.Audit;
using Intake.Web.Keys;

namespace Intake.Web.Cases;

/// <summary>The free-text part of the threats-and-violence handling, sealed to the channel only.</summary>
public sealed record TriageSecrets(string? PoliceReportNumber, string? ProtectiveMeasures, bool Unreadable = false, string? WorkEnvironmentReference = null)
{
    public static TriageSecrets Empty { get; } = new(null, null);

    public bool IsEmpty => PoliceReportNumber is null && ProtectiveMeasures is null && WorkEnvironmentReference is null;
}

/// <summary>What the handler sets in the follow-up panel.</summary>
public sealed record TriageInput(
    DateOnly? FirstContactOn,
    bool RiskAssessmentUpdated,
    DateOnly? RiskAssessmentUpdatedOn,
    DateOnly? FollowUpOn,
    DateOnly? FollowedUpOn,
    string? PoliceReportNumber,
    string? ProtectiveMeasures);

/// <summary>
/// The handler's follow-up of a threats-and-violence case: the first contact with the reporter, the risk
/// assessment, the follow-up date and the day it was held in clear (they are deadlines), and the police report
/// number, the protective measures and Arbetsmiljöverket's reference as one small JSON document sealed to the
/// channel recipient only, since each can point at a person.
/// </summary>
public sealed class CaseTriage(ChannelKeys channelKeys, CaseSchedule schedule, AuditLog audit)
{
    public const int MaxPoliceNumber = 100;
    public const int MaxMeasures = 4000;
    public const int MaxReference = 100;

    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    /// <summary>True while a serious incident still has to be reported to Arbetsmiljöverket.</summary>
    public static bool WorkEnvironmentReportPending(CaseRecord record) =>
        record is { WorkEnvironmentReportNeeded: true, WorkEnvironmentReportedOn: null };

    public TriageSecrets Open(CaseRecord record, UnlockedKeyring keyring)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(keyring);
        if (record.SealedTriage is null)
        {
            return TriageSecrets.Empty;
        }

        try
        {
            var plain = AgeFile.Decrypt(record.SealedTriage, keyring.IdentitiesFor(record.ChannelId));
            try
            {
                var document = JsonSerializer.Deserialize<TriageDocument>(plain, _json);
                return new TriageSecrets(document?.PoliceReportNumber, document?.ProtectiveMeasures, WorkEnvironmentReference: document?.WorkEnvironmentReference);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(plain);
            }
        }
        catch (Exception ex) when (ex is AgeException or JsonException)
        {
            return new TriageSecrets(null, null, Unreadable: true);
        }
    }

    /// <summary>Sets the follow-up and audits which flags are now set (never the free text).</summary>
    public async Task UpdateAsync(CaseRecord record, UnlockedKeyring keyring, TriageInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(keyring);
        ArgumentNullException.ThrowIfNull(input);
        record.FirstContactOn = input.FirstContactOn;
        record.RiskAssessmentUpdated = input.RiskAssessmentUpdated || input.RiskAssessmentUpdatedOn is not null;
        record.RiskAssessmentUpdatedOn = input.RiskAssessmentUpdatedOn;
        record.FollowUpOn = input.FollowUpOn;
        record.FollowedUpOn = input.FollowedUpOn;
        var secrets = Open(record, keyring);
        await SealAsync(record, secrets with { PoliceReportNumber = Clean(input.PoliceReportNumber), ProtectiveMeasures = Clean(input.ProtectiveMeasures), Unreadable = false }, cancellationToken);
        await schedule.RefreshAsync(record, cancellationToken);
        await audit.AppendAsync(AuditKinds.CaseTriageChanged, keyring.UserId, record.Id, record.ChannelId, Detail(record), cancellationToken);
    }

    /// <summary>Seals the document to the channel's current recipient, or clears it when nothing is in it.</summary>
    public async Task SealAsync(CaseRecord record, TriageSecrets secrets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(secrets);
        if (secrets.IsEmpty)
        {
            record.SealedTriage = null;
            return;
        }

        var recipient = AgeKeys.ParseRecipient(await channelKeys.CurrentRecipientAsync(record.ChannelId, cancellationToken));
        var plain = JsonSerializer.SerializeToUtf8Bytes(
            new TriageDocument(secrets.PoliceReportNumber, secrets.ProtectiveMeasures, secrets.WorkEnvironmentReference), _json);
        try
        {
            record.SealedTriage = AgeFile.Encrypt(plain, [recipient]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Detail(CaseRecord record)
    {
        var flags = new List<string>();
        if (record.FirstContactOn is not null)
        {
            flags.Add("first-contact");
        }

        if (record.RiskAssessmentUpdated)
        {
            flags.Add("risk-updated");
        }

        if (record.FollowUpOn is not null)
        {
            flags.Add("follow-up");
        }

        if (record.FollowedUpOn is not null)
        {
            flags.Add("followed-up");
        }

        if (record.SealedTriage is not null)
        {
            flags.Add("sealed-notes");
        }

        return flags.Count == 0 ? "none" : string.Join(',', flags);
    }

    private sealed record TriageDocument(string? PoliceReportNumber, string? ProtectiveMeasures, string? WorkEnvironmentReference);
}
