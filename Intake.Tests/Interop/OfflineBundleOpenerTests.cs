using System.Security.Cryptography;
using System.Text;
using Intake.Crypto.Age;

namespace Intake.Tests.Interop;

/// <summary>
/// ops/offline/open-bundle.mjs opens an export bundle away from Intake, including files sealed to post-quantum hybrid
/// keys that the age tool in Debian (1.1.1) cannot open: from the passphrase-protected identity file, a folder of
/// sealed files, into a new folder. The export page's own bundle is opened the same way in
/// <c>Web/Cases/CaseExportTests</c>.
/// </summary>
public sealed class OfflineBundleOpenerTests : IDisposable
{
    internal const string Script = "ops/offline/open-bundle.mjs";
    private const string Passphrase = "amber-lantern-quarry-mosaic";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void HybridAndX25519Files_OpenWithThePassphraseProtectedIdentity()
    {
        using var hybrid = HybridIdentity.Generate();
        using var classic = X25519Identity.Generate();
        var report = Encoding.UTF8.GetBytes("{\"format\":\"intake.report/v1\",\"text\":\"PQ-SEALED report\"}");
        var attachment = RandomNumberGenerator.GetBytes((3 * 65536) + 7);
        var older = Encoding.UTF8.GetBytes("sealed before the rotation");
        Seal("bundle/entries/0001-report.age", report, hybrid.Recipient);
        Seal("bundle/attachments/0001-01.age", attachment, hybrid.Recipient);
        Seal("bundle/entries/0002-message.age", older, classic.Recipient);
        WriteIdentity($"# key version 2\n{hybrid.ExportSecretKey()}\n# key version 1\n{classic.ExportSecretKey()}\n");

        var result = NodeRunner.Run(Script, [_temp.File("identity.age"), _temp.File("bundle"), _temp.File("opened")], Passphrase + "\n");

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Contains("Opened 3 file(s)", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(report, File.ReadAllBytes(_temp.File("opened/entries/0001-report")));
        Assert.Equal(attachment, File.ReadAllBytes(_temp.File("opened/attachments/0001-01")));
        Assert.Equal(older, File.ReadAllBytes(_temp.File("opened/entries/0002-message")));
    }

    [Fact]
    public void AWrongPassphrase_OpensNothing_AndSaysSo()
    {
        using var hybrid = HybridIdentity.Generate();
        Seal("bundle/entries/0001-report.age", [1, 2, 3], hybrid.Recipient);
        WriteIdentity(hybrid.ExportSecretKey() + "\n");

        var result = NodeRunner.Run(Script, [_temp.File("identity.age"), _temp.File("bundle"), _temp.File("opened")], "not-the-passphrase\n");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("The passphrase does not open", result.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp.File("opened")));
    }

    [Fact]
    public void AFileForAnotherKey_IsReportedAndLeavesNoPartialOutput_TheOthersOpen()
    {
        using var hybrid = HybridIdentity.Generate();
        using var stranger = HybridIdentity.Generate();
        Seal("bundle/entries/0001-report.age", [1, 2, 3], hybrid.Recipient);
        Seal("bundle/entries/0002-message.age", [4, 5, 6], stranger.Recipient);
        File.WriteAllText(_temp.File("identity.txt"), hybrid.ExportSecretKey() + "\n");

        var result = NodeRunner.Run(Script, [_temp.File("identity.txt"), _temp.File("bundle"), _temp.File("opened")]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("entries/0002-message.age: does not open with this identity", result.StandardError, StringComparison.Ordinal);
        Assert.Equal([1, 2, 3], File.ReadAllBytes(_temp.File("opened/entries/0001-report")));
        Assert.False(File.Exists(_temp.File("opened/entries/0002-message")));
    }

    [Fact]
    public void AnExistingOutputFolder_IsRefused_AndNothingIsWrittenIntoIt()
    {
        using var hybrid = HybridIdentity.Generate();
        Seal("bundle/entries/0001-report.age", [1], hybrid.Recipient);
        File.WriteAllText(_temp.File("identity.txt"), hybrid.ExportSecretKey() + "\n");
        Directory.CreateDirectory(_temp.File("opened"));

        var result = NodeRunner.Run(Script, [_temp.File("identity.txt"), _temp.File("bundle"), _temp.File("opened")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("exists already", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.File("opened")));
    }

    private void Seal(string relative, byte[] plaintext, IRecipient recipient)
    {
        var path = _temp.File(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, AgeFile.Encrypt(plaintext, [recipient]));
    }

    private void WriteIdentity(string text) =>
        File.WriteAllBytes(_temp.File("identity.age"), AgeFile.Encrypt(Encoding.ASCII.GetBytes(text), [new ScryptRecipient(Passphrase, workFactor: 10)]));
}
