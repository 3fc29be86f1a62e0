using System.Globalization;
using System.Security.Cryptography;
using Intake.Crypto.Age;

namespace Intake.Bench;

/// <summary>
/// What switching every key to hybrid adds to the stored bytes of one case with a realistic thread, each item sealed
/// as Intake seals it (to the channel key, and to the reporter's mailbox key where the reporter reads it), once with
/// X25519 keys and once with hybrid keys. The items are real files sealed by Intake.Crypto, not a formula.
/// </summary>
internal static class CaseStorageGrowth
{
    // (what, bytes, also sealed to the mailbox)
    private static readonly (string Item, int Bytes, bool Mailbox, int Count)[] _thread =
    [
        ("report (JSON)", 6 * 1024, true, 1),
        ("reporter's attachment, photo", 1200 * 1024, true, 1),
        ("reporter's attachment, document", 300 * 1024, true, 1),
        ("messages, reporter and handler (JSON)", 1536, true, 8),
        ("internal notes (JSON)", 1024, false, 3),
        ("triage (JSON)", 300, false, 1),
    ];

    public static void Print()
    {
        using X25519Identity classicChannel = X25519Identity.Generate();
        using X25519Identity classicMailbox = X25519Identity.Generate();
        using HybridIdentity hybridChannel = HybridIdentity.Generate();
        using HybridIdentity hybridMailbox = HybridIdentity.Generate();
        CultureInfo invariant = CultureInfo.InvariantCulture;
        long plainTotal = 0, classicTotal = 0, hybridTotal = 0, textClassic = 0, textHybrid = 0, textPlain = 0;
        int items = 0;
        foreach (var (_, bytes, mailbox, count) in _thread)
        {
            byte[] plaintext = RandomNumberGenerator.GetBytes(bytes);
            IRecipient[] classic = mailbox ? [classicChannel.Recipient, classicMailbox.Recipient] : [classicChannel.Recipient];
            IRecipient[] hybrid = mailbox ? [hybridChannel.Recipient, hybridMailbox.Recipient] : [hybridChannel.Recipient];
            long classicSize = AgeFile.Encrypt(plaintext, classic).Length;
            long hybridSize = AgeFile.Encrypt(plaintext, hybrid).Length;
            plainTotal += (long)bytes * count;
            classicTotal += classicSize * count;
            hybridTotal += hybridSize * count;
            items += count;
            if (bytes < 64 * 1024)
            {
                textPlain += (long)bytes * count;
                textClassic += classicSize * count;
                textHybrid += hybridSize * count;
            }
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(invariant, $"Storage of one case: {items} sealed items (a report, 2 attachments of 1.2 MiB and 300 KiB, 8 messages, 3 notes, triage), to the channel and, where the reporter reads them, the mailbox"));
        Console.WriteLine("| items | plaintext bytes | sealed, X25519 | sealed, hybrid | growth | growth % |");
        Console.WriteLine("|-------|----------------:|---------------:|---------------:|-------:|---------:|");
        Console.WriteLine(string.Create(invariant, $"| all   | {plainTotal,15:N0} | {classicTotal,14:N0} | {hybridTotal,14:N0} | {hybridTotal - classicTotal,6:N0} | {100.0 * (hybridTotal - classicTotal) / classicTotal,7:F1}% |"));
        Console.WriteLine(string.Create(invariant, $"| text  | {textPlain,15:N0} | {textClassic,14:N0} | {textHybrid,14:N0} | {textHybrid - textClassic,6:N0} | {100.0 * (textHybrid - textClassic) / textClassic,7:F1}% |"));
        Console.WriteLine("(\"text\": the report, messages, notes and triage alone, without the attachments)");
    }
}
