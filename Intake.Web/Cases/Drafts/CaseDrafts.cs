using System.Text;
using Intake.Crypto.Age;
using Intake.Web.Hosting;
using Intake.Web.Keys;
using Microsoft.Extensions.Options;

namespace Intake.Web.Cases.Drafts;

/// <summary>Which box of the case page a draft belongs to.</summary>
public enum DraftKind
{
    Reply,
    Note,
}

/// <summary>A draft opened for its writer, with when it was last saved.</summary>
public sealed record OpenedDraft(string Text, DateTimeOffset SavedAt);

/// <summary>
/// Unsent replies and notes, so that a handler signed out for being idle loses nothing. The page's script sends
/// the box's text as the handler types; it is sealed in the request to the channel's current recipient (like every
/// entry of the case) and kept as one age file per handler, case and box in the data directory, written to a
/// temporary name and renamed. Only its writer gets it back: the file is found by their user id, and it is opened
/// with their channel keys. A draft is deleted when its reply or note is sent, when its box is emptied, and
/// <see cref="CaseOptions.DraftDays"/> after it was last saved.
/// </summary>
public sealed class CaseDrafts(DataDirectory data, CaseMessages messages, TimeProvider clock, IOptions<CaseOptions> options)
{
    public async Task SaveAsync(CaseRecord record, UnlockedKeyring keyring, DraftKind kind, string? text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(keyring);
        if (string.IsNullOrWhiteSpace(text))
        {
            Delete(keyring.UserId, record.Id, kind);
            return;
        }

        var recipients = await messages.RecipientsAsync(record, toReporter: false, cancellationToken);
        var plain = Encoding.UTF8.GetBytes(text);
        byte[] sealedBytes;
        try
        {
            sealedBytes = AgeFile.Encrypt(plain, recipients);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(plain);
        }

        Directory.CreateDirectory(data.Drafts);
        var path = PathOf(keyring.UserId, record.Id, kind);
        var temporary = path + ".tmp";
        await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 4096, useAsync: true))
        {
            await file.WriteAsync(sealedBytes, cancellationToken);
            await file.FlushAsync(cancellationToken);
            file.Flush(flushToDisk: true);
        }

        // Dated by the application's clock, which decides when the draft expires.
        File.SetLastWriteTimeUtc(temporary, clock.GetUtcNow().UtcDateTime);
        File.Move(temporary, path, overwrite: true);
        SweepExpired();
    }

    /// <summary>The writer's draft of this box, or null when there is none, it expired, or no key of theirs opens it.</summary>
    public OpenedDraft? Open(CaseRecord record, UnlockedKeyring keyring, DraftKind kind)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(keyring);
        var path = PathOf(keyring.UserId, record.Id, kind);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return null;
        }

        var savedAt = new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero);
        if (Expired(info) || record.DisposedOn is not null)
        {
            TryDelete(path);
            return null;
        }

        try
        {
            var plain = AgeFile.Decrypt(File.ReadAllBytes(path), keyring.IdentitiesFor(record.ChannelId));
            try
            {
                return new OpenedDraft(Encoding.UTF8.GetString(plain), savedAt);
            }
            finally
            {
                System.Security.Cryptography.CryptographicOperations.ZeroMemory(plain);
            }
        }
        catch (AgeException)
        {
            return null;
        }
    }

    public void Delete(Guid userId, Guid caseId, DraftKind kind) => TryDelete(PathOf(userId, caseId, kind));

    /// <summary>Every draft of a case, whoever wrote it (its content is disposed of).</summary>
    public void DeleteCase(Guid caseId)
    {
        if (!Directory.Exists(data.Drafts))
        {
            return;
        }

        foreach (var path in Directory.EnumerateFiles(data.Drafts, $"*-{caseId:N}-*"))
        {
            TryDelete(path);
        }
    }

    /// <summary>Deletes drafts older than the set time.</summary>
    public void SweepExpired()
    {
        if (!Directory.Exists(data.Drafts))
        {
            return;
        }

        foreach (var path in Directory.EnumerateFiles(data.Drafts))
        {
            if (Expired(new FileInfo(path)))
            {
                TryDelete(path);
            }
        }
    }

    private bool Expired(FileInfo info) =>
        clock.GetUtcNow() - new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero) > TimeSpan.FromDays(options.Value.DraftDays);

    private string PathOf(Guid userId, Guid caseId, DraftKind kind) =>
        Path.Combine(data.Drafts, $"{userId:N}-{caseId:N}-{kind.ToString().ToLowerInvariant()}.age");

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Already gone, or in use by a concurrent save that will replace it: either way not kept past its time.
        }
    }
}
