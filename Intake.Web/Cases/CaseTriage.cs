using System.Security.Cryptography;
using System.Text.Json;
using Intake.Crypto.Age;
using Intake.Web.Audit;
using Intake.Web.Keys;

namespace Intake.Web.Cases;

/// <summary>The free-text part of the threats-and-violence triage, sealed to the channel only.</summary>
public sealed record TriageSecrets(string? PoliceReportNumber, string? ProtectiveMeasures, bool Unreadable = false)
{
    public static TriageSecrets Empty { get; } = new(null, null);
}

/// <summary>What the handler sets in the triage panel.</summary>
public sealed record TriageInput(
    bool WorkEnvironmentReportNeeded,
    DateOnly? WorkEnvironmentReportedOn,
    bool SocialInsuranceReportNeeded,
    DateOnly? SocialInsuranceReportedOn,
    bool RiskAssessmentUpdated,
    DateOnly? FollowUpOn,
    string? PoliceReportNumber,
    string? ProtectiveMeasures);

/// <summary>
/// The handler's triage of a threats-and-violence case: whether the incident must go to Arbetsmiljöverket (without
/// delay, the same day) and Försäkringskassan and when it did, the risk assessment and follow-up date in clear,
/// and the police report number and protective measures as a small JSON document sealed to the channel
/// recipient only, since both can point at a person.
/// </summary>
public sealed class CaseTriage(ChannelKeys channelKeys, AuditLog audit, Storage.UnitOfWork work)
{
    public const int MaxPoliceNumber = 100;
    public const int MaxMeasures = 4000;

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
                return new TriageSecrets(document?.PoliceReportNumber, document?.ProtectiveMeasures);
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

    /// <summary>Sets the triage and audits which flags are now set (never the free text).</summary>
    public async Task UpdateAsync(CaseRecord record, Guid actorId, TriageInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(input);
        record.WorkEnvironmentReportNeeded = input.WorkEnvironmentReportNeeded || input.WorkEnvironmentReportedOn is not null;
        record.WorkEnvironmentReportedOn = input.WorkEnvironmentReportedOn;
        record.SocialInsuranceReportNeeded = input.SocialInsuranceReportNeeded || input.SocialInsuranceReportedOn is not null;
        record.SocialInsuranceReportedOn = input.SocialInsuranceReportedOn;
        record.RiskAssessmentUpdated = input.RiskAssessmentUpdated;
        record.FollowUpOn = input.FollowUpOn;

        var police = Clean(input.PoliceReportNumber);
        var measures = Clean(input.ProtectiveMeasures);
        if (police is null && measures is null)
        {
            record.SealedTriage = null;
        }
        else
        {
            var recipient = X25519Recipient.Parse(await channelKeys.CurrentRecipientAsync(record.ChannelId, cancellationToken));
            var plain = JsonSerializer.SerializeToUtf8Bytes(new TriageDocument(police, measures), _json);
            try
            {
                record.SealedTriage = AgeFile.Encrypt(plain, [recipient]);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(plain);
            }
        }

        audit.Record(AuditKinds.CaseTriageChanged, actorId, record.Id, record.ChannelId, Detail(record));
        await work.SaveAsync(cancellationToken);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Detail(CaseRecord record)
    {
        var flags = new List<string>();
        if (record.WorkEnvironmentReportNeeded)
        {
            flags.Add(record.WorkEnvironmentReportedOn is null ? "awe-pending" : "awe-reported");
        }

        if (record.SocialInsuranceReportNeeded)
        {
            flags.Add(record.SocialInsuranceReportedOn is null ? "fk-pending" : "fk-reported");
        }

        if (record.RiskAssessmentUpdated)
        {
            flags.Add("risk-updated");
        }

        if (record.FollowUpOn is not null)
        {
            flags.Add("follow-up");
        }

        if (record.SealedTriage is not null)
        {
            flags.Add("sealed-notes");
        }

        return flags.Count == 0 ? "none" : string.Join(',', flags);
    }

    private sealed record TriageDocument(string? PoliceReportNumber, string? ProtectiveMeasures);
}
