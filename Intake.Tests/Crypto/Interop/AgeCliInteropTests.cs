using System.Text;
using Intake.Crypto.Age;

namespace Intake.Tests.Crypto.Interop;

/// <summary>Interoperability with the reference age CLI in both directions.</summary>
public sealed class AgeCliInteropTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("intake-age-interop-").FullName;

    public AgeCliInteropTests()
    {
        AgeCli.RequireInstalled();
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    [Theory]
    [InlineData(0, false)]
    [InlineData(65_536, false)]
    [InlineData(150_000, false)]
    [InlineData(1_000, true)]
    [InlineData(65_536, true)]
    public void OurX25519File_DecryptsWithAgeCli(int size, bool armor)
    {
        using X25519Identity identity = X25519Identity.Generate();
        byte[] plaintext = AgeTestData.RandomBytes(size, size);
        File.WriteAllText(PathOf("key.txt"), identity.ExportSecretKey() + "\n");
        File.WriteAllBytes(PathOf("file.age"), AgeFile.Encrypt(plaintext, [identity.Recipient], armor));

        (int exit, byte[] stdout, string stderr) = AgeCli.Run(AgeCli.AgePath, ["-d", "-i", PathOf("key.txt"), PathOf("file.age")]);

        Assert.True(exit == 0, stderr);
        Assert.Equal(plaintext, stdout);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(65_536, false)]
    [InlineData(200_000, false)]
    [InlineData(5_000, true)]
    public void AgeCliX25519File_DecryptsWithOurs(int size, bool armor)
    {
        using X25519Identity identity = X25519Identity.Generate();
        using X25519Identity other = X25519Identity.Generate();
        byte[] plaintext = AgeTestData.RandomBytes(size, size + 1);
        File.WriteAllBytes(PathOf("plain"), plaintext);
        List<string> arguments = ["-r", other.Recipient.ToString(), "-r", identity.Recipient.ToString(), "-o", PathOf("file.age")];
        if (armor)
        {
            arguments.Add("-a");
        }

        arguments.Add(PathOf("plain"));
        (int exit, _, string stderr) = AgeCli.Run(AgeCli.AgePath, arguments);
        Assert.True(exit == 0, stderr);

        Assert.Equal(plaintext, AgeFile.Decrypt(File.ReadAllBytes(PathOf("file.age")), [identity]));
    }

    [Fact]
    public void AgeKeygenIdentityFile_ParsesWithMatchingRecipient()
    {
        (int exit, byte[] stdout, string stderr) = AgeCli.Run(AgeCli.KeygenPath, []);
        Assert.True(exit == 0, stderr);
        string text = Encoding.ASCII.GetString(stdout);
        string publicKey = text.Split('\n').First(l => l.StartsWith("# public key: ", StringComparison.Ordinal))["# public key: ".Length..];

        IReadOnlyList<X25519Identity> identities = AgeIdentityFile.Parse(text);

        Assert.Equal(publicKey, Assert.Single(identities).Recipient.ToString());
    }

    [Fact]
    public void AgeKeygenRecipient_MatchesOurDerivation()
    {
        (int exit, byte[] stdout, string stderr) = AgeCli.Run(AgeCli.KeygenPath, []);
        Assert.True(exit == 0, stderr);
        File.WriteAllBytes(PathOf("key.txt"), stdout);

        (int exit2, byte[] recipient, string stderr2) = AgeCli.Run(AgeCli.KeygenPath, ["-y", PathOf("key.txt")]);

        Assert.True(exit2 == 0, stderr2);
        using X25519Identity identity = AgeIdentityFile.Parse(Encoding.ASCII.GetString(stdout))[0];
        Assert.Equal(Encoding.ASCII.GetString(recipient).Trim(), identity.Recipient.ToString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SealedIdentity_OpensWithAgeCliPassphrase(bool armor)
    {
        using X25519Identity identity = X25519Identity.Generate();
        File.WriteAllBytes(PathOf("sealed.age"), SealedIdentity.Seal(identity, "tre små grodor", workFactor: 12, armor));

        (int exit, string output) = AgeCli.RunWithPassphrase("tre små grodor", "-d", "-o", PathOf("key.txt"), PathOf("sealed.age"));

        Assert.True(exit == 0, output);
        string keyFile = File.ReadAllText(PathOf("key.txt"));
        Assert.Matches(@"^# created: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n# public key: age1[a-z0-9]+\nAGE-SECRET-KEY-1[A-Z0-9]+\n$", keyFile);
        Assert.Contains(identity.ExportSecretKey(), keyFile, StringComparison.Ordinal);
    }

    [Fact]
    public void AgeCliPassphraseFile_OpensWithScryptIdentity()
    {
        byte[] plaintext = Encoding.UTF8.GetBytes("hemligt meddelande\n");
        File.WriteAllBytes(PathOf("plain"), plaintext);

        (int exit, string output) = AgeCli.RunWithPassphrase("ett lösenord", "-p", "-o", PathOf("file.age"), PathOf("plain"));
        Assert.True(exit == 0, output);
        using ScryptIdentity identity = new("ett lösenord");

        Assert.Equal(plaintext, AgeFile.Decrypt(File.ReadAllBytes(PathOf("file.age")), [identity]));
    }

    [Fact]
    public void AgeCliSealedKeyFile_OpensWithSealedIdentity()
    {
        (int exitKeygen, byte[] keyFile, string stderr) = AgeCli.Run(AgeCli.KeygenPath, []);
        Assert.True(exitKeygen == 0, stderr);
        File.WriteAllBytes(PathOf("key.txt"), keyFile);

        (int exit, string output) = AgeCli.RunWithPassphrase("nyckelord", "-p", "-o", PathOf("key.age"), PathOf("key.txt"));
        Assert.True(exit == 0, output);
        using IKeyIdentity identity = SealedIdentity.Open(File.ReadAllBytes(PathOf("key.age")), "nyckelord");

        Assert.Contains(identity.ExportSecretKey(), Encoding.ASCII.GetString(keyFile), StringComparison.Ordinal);
    }
}
