using System.Globalization;
using System.Security.Cryptography;
using Intake.Tests.Infrastructure;
using Intake.Web.Cases;
using Intake.Web.Channels;
using Intake.Web.Keys;
using Intake.Web.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Cases;

/// <summary>
/// Puts cases straight into an application's database, numbered per channel and year like real ones, with the
/// deadline columns computed by the app's <see cref="CaseDeadlines"/> after the caller shaped the case.
/// </summary>
public sealed class CaseSeeder(IntakeApplicationFactory app)
{
    private readonly Dictionary<string, int> _sequences = new(StringComparer.Ordinal);

    public async Task<CaseRecord> AddAsync(string channelCode, DateOnly receivedOn, Action<CaseRecord>? shape = null) =>
        (await AddManyAsync(channelCode, 1, _ => receivedOn, shape))[0];

    public async Task<IReadOnlyList<CaseRecord>> AddManyAsync(string channelCode, int count, Func<int, DateOnly> receivedOn, Action<CaseRecord>? shape = null)
    {
        ArgumentNullException.ThrowIfNull(receivedOn);
        await using var scope = app.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var deadlines = scope.ServiceProvider.GetRequiredService<CaseDeadlines>();
        var channel = await StaffWorld.ChannelAsync(scope, channelCode);
        var records = new List<CaseRecord>(count);
        for (var i = 0; i < count; i++)
        {
            var day = receivedOn(i);
            var key = $"{channelCode}-{day.Year}";
            var sequence = _sequences[key] = _sequences.GetValueOrDefault(key) + 1;
            var record = new CaseRecord
            {
                Id = Guid.NewGuid(),
                ChannelId = channel.Id,
                CaseNumber = string.Create(CultureInfo.InvariantCulture, $"{ChannelKinds.For(channelCode).CasePrefix}-{day.Year}-{sequence:0000}"),
                Year = day.Year,
                Sequence = sequence,
                ReceivedOn = day,
                ChannelKeyVersion = channel.CurrentKeyVersion,
                MailboxLookupId = RandomNumberGenerator.GetBytes(32),
                MailboxRecipient = "age1seededrecipient",
                Status = CaseStatus.Received,
            };
            shape?.Invoke(record);
            deadlines.Apply(record, ChannelKinds.For(channelCode), []);
            db.Cases.Add(record);
            records.Add(record);
        }

        await db.SaveChangesAsync();
        return records;
    }
}
