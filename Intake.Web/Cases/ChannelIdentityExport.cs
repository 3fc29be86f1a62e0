using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Intake.Crypto.Age;
using Intake.Web.Accounts;
using Intake.Web.Audit;
using Intake.Web.Keys;
using Microsoft.Extensions.Options;

namespace Intake.Web.Cases;

/// <summary>
/// The channel identity a handler holds, as an age identity file (every key version, newest first, each with
/// its recipient as a comment) encrypted with a passphrase the handler types: an age scrypt file that the stock
/// tool opens with <c>age -d</c>. It is what opens an export bundle away from Intake. Audited.
/// </summary>
public sealed class ChannelIdentityExport(IOptions<KeyOptions> options, PassphraseWorkLimiter limiter, AuditLog audit)
{
    public async Task<IdentityExportResult> SealAsync(
        CaseRecord record, UnlockedKeyring keyring, string? passphrase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(keyring);
        if (PassphrasePolicy.Check(passphrase) is { } problem)
        {
            return new IdentityExportResult(null, problem);
        }

        var keys = keyring.ChannelKeys.Where(k => k.ChannelId == record.ChannelId).OrderByDescending(k => k.Version).ToList();
        if (keys.Count == 0)
        {
            throw new KeyOperationException(KeyOperationError.NotAMember);
        }

        var workFactor = options.Value.ScryptWorkFactor;
        var (ran, sealedFile) = await limiter.TryRunAsync(() => Seal(keys, passphrase!, workFactor), cancellationToken);
        if (!ran || sealedFile is null)
        {
            return new IdentityExportResult(null, null, Busy: true);
        }

        var versions = string.Join(',', keys.Select(k => k.Version.ToString(CultureInfo.InvariantCulture)));
        await audit.AppendAsync(AuditKinds.ChannelIdentityExported, keyring.UserId, record.Id, record.ChannelId, "versions=" + versions, cancellationToken);
        return new IdentityExportResult(sealedFile, null);
    }

    private static byte[] Seal(IReadOnlyList<UnlockedChannelKey> keys, string passphrase, int workFactor)
    {
        var text = new StringBuilder();
        text.Append("# Intake channel identity. Open export bundles with: age -d -i identity.txt FILE.age\n");
        foreach (var key in keys)
        {
            text.Append(CultureInfo.InvariantCulture, $"# key version {key.Version}, recipient {key.Identity.PublicRecipient}\n");
            text.Append(key.Identity.ExportSecretKey()).Append('\n');
        }

        var plain = Encoding.ASCII.GetBytes(text.ToString());
        text.Clear();
        try
        {
            return AgeFile.Encrypt(plain, [new ScryptRecipient(passphrase, workFactor)]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }
}

/// <summary>The sealed identity file, or why there is none.</summary>
public sealed record IdentityExportResult(byte[]? SealedFile, PassphraseProblem? Problem, bool Busy = false);
