using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Intake.Crypto.Age;
using Intake.Web.Audit;
using Intake.Web.Keys;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Cases;

/// <summary>A measure as the handler sees it, decrypted for this request only.</summary>
public sealed record MeasureView(
    Guid Id, int Position, DateOnly CreatedOn, DateOnly? DueOn, MeasureStatus Status, DateOnly? DoneOn,
    string? What, string? Responsible, string? Effect, bool Unreadable)
{
    /// <summary>Planned and past its due day (overdue from the day after, like every deadline).</summary>
    public bool IsOverdue(DateOnly today) => Status == MeasureStatus.Planned && DueOn is { } due && due < today;
}

/// <summary>What the handler writes for a measure.</summary>
public sealed record MeasureInput(string What, string? Responsible, DateOnly? DueOn, MeasureStatus Status, DateOnly? DoneOn, string? Effect);

/// <summary>
/// The measures of a threats-and-violence case: what is done, who is responsible (a role) and the effect check are
/// sealed to the channel's current recipient only; due date, status and done date are clear and recompute the
/// case's deadlines. Each change is audited with the measure's number and status, never its words.
/// </summary>
public sealed class CaseMeasures(IntakeDbContext db, ChannelKeys channelKeys, CaseSchedule schedule, CaseCalendar calendar, AuditLog audit)
{
    public const int MaxWhat = 2000;
    public const int MaxResponsible = 200;
    public const int MaxEffect = 4000;

    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public IReadOnlyList<MeasureView> Open(IReadOnlyList<CaseMeasure> measures, UnlockedKeyring keyring, Guid channelId)
    {
        ArgumentNullException.ThrowIfNull(measures);
        ArgumentNullException.ThrowIfNull(keyring);
        var identities = keyring.IdentitiesFor(channelId);
        return [.. measures.Select(m =>
        {
            var document = Decrypt(m.Sealed, identities);
            return new MeasureView(m.Id, m.Position, m.CreatedOn, m.DueOn, m.Status, m.DoneOn,
                document?.What, document?.Responsible, document?.Effect, document is null);
        })];
    }

    public async Task AddAsync(CaseRecord record, Guid actorId, MeasureInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(input);
        var existing = await schedule.MeasuresAsync(record.Id, cancellationToken);
        var measure = new CaseMeasure
        {
            Id = Guid.NewGuid(),
            CaseId = record.Id,
            Position = existing.Count == 0 ? 1 : existing.Max(m => m.Position) + 1,
            CreatedOn = calendar.Today,
        };
        await SetAsync(record, measure, input, cancellationToken);
        db.CaseMeasures.Add(measure);
        await schedule.RefreshAsync(record, cancellationToken);
        await audit.AppendAsync(AuditKinds.CaseMeasureAdded, actorId, record.Id, record.ChannelId, Detail(measure), cancellationToken);
    }

    /// <summary>Changes a measure of this case; false when the case has no such measure.</summary>
    public async Task<bool> UpdateAsync(CaseRecord record, Guid actorId, Guid measureId, MeasureInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(input);
        var measure = (await schedule.MeasuresAsync(record.Id, cancellationToken)).FirstOrDefault(m => m.Id == measureId);
        if (measure is null)
        {
            return false;
        }

        await SetAsync(record, measure, input, cancellationToken);
        await schedule.RefreshAsync(record, cancellationToken);
        await audit.AppendAsync(AuditKinds.CaseMeasureChanged, actorId, record.Id, record.ChannelId, Detail(measure), cancellationToken);
        return true;
    }

    private async Task SetAsync(CaseRecord record, CaseMeasure measure, MeasureInput input, CancellationToken cancellationToken)
    {
        measure.DueOn = input.DueOn;
        measure.Status = input.Status;
        measure.DoneOn = input.Status == MeasureStatus.Done ? input.DoneOn ?? calendar.Today : null;
        var recipient = AgeKeys.ParseRecipient(await channelKeys.CurrentRecipientAsync(record.ChannelId, cancellationToken));
        var plain = JsonSerializer.SerializeToUtf8Bytes(new MeasureDocument(input.What.Trim(), Clean(input.Responsible), Clean(input.Effect)), _json);
        try
        {
            measure.Sealed = AgeFile.Encrypt(plain, [recipient]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    private static string Detail(CaseMeasure measure) =>
        string.Create(CultureInfo.InvariantCulture, $"measure={measure.Position} {measure.Status}");

    private static MeasureDocument? Decrypt(byte[] sealedDocument, IReadOnlyList<IIdentity> identities)
    {
        try
        {
            var plain = AgeFile.Decrypt(sealedDocument, identities);
            try
            {
                return JsonSerializer.Deserialize<MeasureDocument>(plain, _json);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(plain);
            }
        }
        catch (Exception ex) when (ex is AgeException or JsonException)
        {
            return null;
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private sealed record MeasureDocument(string? What, string? Responsible, string? Effect);
}
