using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Intake.Crypto.Age;
using Intake.Web.Cases;
using Intake.Web.Channels;
using Intake.Web.Reporting;
using Intake.Web.Reporting.Forms;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Intake.LoadBench;

internal sealed record SeedResult(int Cases, int Entries, int Disposed, int Open, Guid ThreadCaseId, string ThreadCaseNumber, double Seconds);

/// <summary>
/// Fills a set-up data directory with cases straight into SQLite, in one transaction with prepared inserts: spread
/// over both channels and ten years, with statuses, deadlines (the app's own <see cref="CaseDeadlines"/>),
/// assignees, unread counts and disposal as they would be after years of use. Every undisposed case has its report
/// sealed to the channel (real age files, drawn from a pool); some recent ones have a thread of 10 messages, each
/// its own age file to the channel and the case's mailbox.
/// </summary>
internal static class InboxSeeder
{
    private const int ReportPool = 64;

    /// <summary>Text (ASCII, so that HTML encoding leaves it as is) that only the last message of a thread holds, to
    /// check that a case page decrypted it.</summary>
    public const string LastMessageMarker = "Meddelande 10 av 10.";

    public static SeedResult Seed(string dataDirectory, int caseCount, int threadCount, int randomSeed)
    {
        var watch = Stopwatch.StartNew();
        var random = new Random(randomSeed);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var firstDay = new DateOnly(today.Year - 9, 1, 1);
        var deadlines = new CaseDeadlines(Options.Create(new CaseOptions()));
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "intake.db")};Pooling=False");
        connection.Open();
        Execute(connection, "PRAGMA synchronous = OFF; PRAGMA foreign_keys = ON;");
        var channels = Channels(connection);
        var handlers = Handlers(connection);
        using var transaction = connection.BeginTransaction();
        using var insertCase = Prepare(connection, transaction, "Cases",
            ["Id", "ChannelId", "CaseNumber", "Year", "Sequence", "ReceivedOn", "Status", "SealedBy", "ChannelKeyVersion", "MailboxLookupId",
             "MailboxRecipient", "AcknowledgementDeclined", "MeetingRequested", "Category", "IncidentTypes", "Origin", "AcknowledgementDue",
             "AcknowledgedOn", "FeedbackDue", "FeedbackGivenOn", "NextDeadline", "NextDeadlineKind", "Urgent", "FirstContactRequested", "AssigneeId", "UnreadReporterMessages",
             "WorkEnvironmentReportNeeded", "SocialInsuranceReportNeeded", "RiskAssessmentUpdated", "ClosedOn", "Outcome", "DisposeOn",
             "LegalHold", "DisposedOn"]);
        using var insertEntry = Prepare(connection, transaction, "CaseEntries",
            ["Id", "CaseId", "Kind", "CreatedOn", "Position", "AuthorId", "Sealed", "ReadableByReporter"]);

        var mailboxRecipient = HybridIdentity.Generate().Recipient.ToString();
        var records = new List<CaseRecord>(caseCount);
        for (var i = 0; i < caseCount; i++)
        {
            var channel = channels[random.NextDouble() < 0.6 ? 0 : 1];
            var received = firstDay.AddDays(random.Next(today.DayNumber - firstDay.DayNumber + 1));
            var record = Shape(random, channel, received, today, handlers[channel.Id]);
            record.MailboxRecipient = mailboxRecipient;
            deadlines.Apply(record, ChannelKinds.For(channel.Code), []);
            records.Add(record);
        }

        // Sequence numbers follow the order of receipt within channel and year.
        records.Sort((x, y) => x.ReceivedOn.CompareTo(y.ReceivedOn));
        var sequences = new Dictionary<(Guid, int), int>();
        foreach (var record in records)
        {
            var key = (record.ChannelId, record.ReceivedOn.Year);
            record.Year = record.ReceivedOn.Year;
            record.Sequence = sequences[key] = sequences.GetValueOrDefault(key) + 1;
            var prefix = ChannelKinds.For(channels.Single(c => c.Id == record.ChannelId).Code).CasePrefix;
            record.CaseNumber = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{record.Year}-{record.Sequence:0000}");
        }

        // The most recent open whistleblowing cases get a thread of 10 messages, sealed to their own mailbox.
        var threads = new Dictionary<Guid, List<(EntryKind Kind, Guid? Author, DateOnly Day, byte[] Sealed)>>();
        foreach (var record in records.AsEnumerable().Reverse()
            .Where(r => r.ChannelId == channels[0].Id && r.NextDeadline is not null).Take(threadCount))
        {
            using var mailbox = HybridIdentity.Generate();
            record.MailboxRecipient = mailbox.Recipient.ToString();
            record.UnreadReporterMessages = 5;
            threads[record.Id] = Thread(channels[0], mailbox.Recipient, record, handlers[channels[0].Id], random);
        }

        var pools = channels.ToDictionary(c => c.Id, c => SealedReports(c, random));
        int entries = 0, disposed = 0, open = 0;
        foreach (var record in records)
        {
            InsertCase(insertCase, record, channels.Single(c => c.Id == record.ChannelId).KeyVersion);
            open += record.NextDeadline is null ? 0 : 1;
            if (record.DisposedOn is not null)
            {
                disposed++;
                continue;
            }

            var pool = pools[record.ChannelId];
            Insert(insertEntry, Guid.NewGuid(), record.Id, EntryKind.Report, record.ReceivedOn, 1, null, pool[random.Next(pool.Count)], true);
            Insert(insertEntry, Guid.NewGuid(), record.Id, EntryKind.ReceiptConfirmation, record.ReceivedOn, 2, null, null, true);
            entries += 2;
            var position = 3;
            foreach (var message in threads.GetValueOrDefault(record.Id) ?? [])
            {
                Insert(insertEntry, Guid.NewGuid(), record.Id, message.Kind, message.Day, position++, message.Author, message.Sealed, true);
                entries++;
            }
        }

        transaction.Commit();
        var sample = records.First(r => threads.ContainsKey(r.Id));
        return new SeedResult(caseCount, entries, disposed, open, sample.Id, sample.CaseNumber, watch.Elapsed.TotalSeconds);
    }

    /// <summary>Status, acknowledgement, feedback, closing and disposal by the age of the case.</summary>
    private static CaseRecord Shape(Random random, SeedChannel channel, DateOnly received, DateOnly today, IReadOnlyList<Guid> handlers)
    {
        var age = today.DayNumber - received.DayNumber;
        var record = new CaseRecord
        {
            Id = Guid.NewGuid(),
            ChannelId = channel.Id,
            ReceivedOn = received,
            MailboxLookupId = RandomNumberGenerator.GetBytes(32),
            AcknowledgementDeclined = random.NextDouble() < 0.1,
            MeetingRequested = random.NextDouble() < 0.05,
            Origin = random.NextDouble() < 0.9 ? CaseOrigin.Online : CaseOrigin.Phone,
            SealedBy = random.NextDouble() < 0.7 ? SealingMode.Browser : SealingMode.Server,
        };
        if (channel.Code == "whistleblowing")
        {
            record.Category = WhistleblowingForm.Categories[random.Next(WhistleblowingForm.Categories.Count)].Code;
        }
        else
        {
            var types = ReportForms.For("threat").Fields.Single(f => f.Triage == TriageColumn.IncidentTypes).Choices;
            record.IncidentTypes = string.Join('|', types.OrderBy(_ => random.Next()).Take(1 + random.Next(3)).Select(t => t.Code));
        }

        var stage = age switch
        {
            <= 7 => random.Next(2),           // received or acknowledged
            <= 90 => 1 + random.Next(3),      // acknowledged, under investigation, feedback given
            <= 365 => random.NextDouble() < 0.85 ? 4 : 2 + random.Next(2),
            _ => random.NextDouble() < 0.995 ? 4 : 2, // a few old cases still open and long overdue
        };
        record.Status = (CaseStatus)stage;
        if (stage >= 1 && !record.AcknowledgementDeclined)
        {
            record.AcknowledgedOn = Min(received.AddDays(random.Next(10)), today);
        }

        if (stage >= 3 && random.NextDouble() < 0.9)
        {
            record.FeedbackGivenOn = Min(received.AddDays(20 + random.Next(90)), today);
        }

        if (stage == 4)
        {
            record.ClosedOn = Min(received.AddDays(30 + random.Next(150)), today);
            record.Outcome = CaseOutcomes.All[random.Next(CaseOutcomes.All.Count)];
            record.DisposeOn = record.ClosedOn.Value.AddYears(2);
            record.LegalHold = random.NextDouble() < 0.002;
            if (record.DisposeOn <= today && !record.LegalHold)
            {
                record.DisposedOn = record.DisposeOn;
            }
        }

        record.AssigneeId = stage == 0 && random.NextDouble() < 0.7 ? null : handlers[random.Next(handlers.Count)];
        record.UnreadReporterMessages = stage is > 0 and < 4 && random.NextDouble() < 0.1 ? 1 + random.Next(3) : 0;
        return record;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>Ten messages alternating between reporter and handler, each sealed to the channel and the mailbox.</summary>
    private static List<(EntryKind Kind, Guid? Author, DateOnly Day, byte[] Sealed)> Thread(SeedChannel channel, IRecipient mailbox, CaseRecord record, IReadOnlyList<Guid> handlers, Random random)
    {
        IReadOnlyCollection<IRecipient> recipients = [AgeKeys.ParseRecipient(channel.Recipient), mailbox];
        var messages = new List<(EntryKind Kind, Guid? Author, DateOnly Day, byte[] Sealed)>();
        for (var i = 0; i < 10; i++)
        {
            var fromReporter = i % 2 == 0;
            var text = string.Create(CultureInfo.InvariantCulture,
                $"Meddelande {i + 1} av 10. {string.Join(' ', Enumerable.Repeat("Ett stycke text som beskriver vad som hänt och vad som behövs.", 8 + random.Next(16)))}");
            messages.Add((fromReporter ? EntryKind.ReporterMessage : EntryKind.HandlerMessage, fromReporter ? null : handlers[0],
                record.ReceivedOn, AgeFile.Encrypt(ReportDocument.Message(text, []), recipients)));
        }

        return messages;
    }

    /// <summary>A pool of real sealed reports for a channel (the list never opens them; the case page may).</summary>
    private static List<byte[]> SealedReports(SeedChannel channel, Random random)
    {
        using var mailbox = HybridIdentity.Generate();
        IReadOnlyCollection<IRecipient> recipients = [AgeKeys.ParseRecipient(channel.Recipient), mailbox.Recipient];
        var pool = new List<byte[]>(ReportPool);
        for (var i = 0; i < ReportPool; i++)
        {
            var answers = new FormAnswers();
            answers.Add("whatHappened", string.Join(' ', Enumerable.Repeat("Beskrivning av händelsen, med datum, plats och vilka roller som var inblandade.", 4 + random.Next(40))));
            answers.Add("identityMode", "anonymous");
            pool.Add(AgeFile.Encrypt(ReportDocument.Report(channel.Code, "sv", answers, []), recipients));
        }

        return pool;
    }

    private static void InsertCase(SqliteCommand command, CaseRecord c, int keyVersion) => Run(command,
        c.Id, c.ChannelId, c.CaseNumber, c.Year, c.Sequence, c.ReceivedOn, (int)c.Status, (int)c.SealedBy, keyVersion, c.MailboxLookupId,
        c.MailboxRecipient, c.AcknowledgementDeclined, c.MeetingRequested, c.Category, c.IncidentTypes, (int)c.Origin, c.AcknowledgementDue,
        c.AcknowledgedOn, c.FeedbackDue, c.FeedbackGivenOn, c.NextDeadline, c.NextDeadlineKind, c.Urgent, c.FirstContactRequested, c.AssigneeId, c.UnreadReporterMessages,
        false, false, false, c.ClosedOn, c.Outcome, c.DisposeOn, c.LegalHold, c.DisposedOn);

    private static void Insert(SqliteCommand command, Guid id, Guid caseId, EntryKind kind, DateOnly day, int position, Guid? author, byte[]? sealedContent, bool readable) =>
        Run(command, id, caseId, (int)kind, day, position, author, sealedContent, readable);

    /// <summary>Binds values the way EF Core stores them in SQLite: GUIDs as upper-case text, dates as yyyy-MM-dd.</summary>
    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                Guid g => g.ToString().ToUpperInvariant(),
                DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                bool b => b ? 1 : 0,
                var other => other,
            };
        }

        command.ExecuteNonQuery();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string table, string[] columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
        for (var i = 0; i < columns.Length; i++)
        {
            command.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null));
        }

        command.Prepare();
        return command;
    }

    private static List<SeedChannel> Channels(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c."Id", c."Code", c."CurrentKeyVersion", k."Recipient" FROM "Channels" c
            JOIN "ChannelKeys" k ON k."ChannelId" = c."Id" AND k."Version" = c."CurrentKeyVersion" ORDER BY c."Code" DESC
            """;
        using var reader = command.ExecuteReader();
        var channels = new List<SeedChannel>();
        while (reader.Read())
        {
            channels.Add(new SeedChannel(Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetInt32(2), reader.GetString(3)));
        }

        return channels;
    }

    private static Dictionary<Guid, IReadOnlyList<Guid>> Handlers(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"ChannelId\", \"UserId\" FROM \"ChannelMemberships\"";
        using var reader = command.ExecuteReader();
        var handlers = new Dictionary<Guid, List<Guid>>();
        while (reader.Read())
        {
            var channel = Guid.Parse(reader.GetString(0));
            (handlers.TryGetValue(channel, out var list) ? list : handlers[channel] = []).Add(Guid.Parse(reader.GetString(1)));
        }

        return handlers.ToDictionary(p => p.Key, p => (IReadOnlyList<Guid>)p.Value);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

internal sealed record SeedChannel(Guid Id, string Code, int KeyVersion, string Recipient);
