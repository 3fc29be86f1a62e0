using System.Text;
using Intake.Crypto.Age;

namespace Intake.Tests.Crypto;

public sealed class AgeRoundTripTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(65_535)]
    [InlineData(65_536)]
    [InlineData(65_537)]
    [InlineData(3 * 65_536)]
    [InlineData(3 * 65_536 + 1)]
    public void EncryptDecrypt_X25519Sizes_RoundTrips(int size)
    {
        using X25519Identity identity = X25519Identity.Generate();
        byte[] plaintext = AgeTestData.RandomBytes(size, size);

        byte[] file = AgeTestData.EncryptTo(identity, plaintext);

        Assert.Equal(plaintext, AgeFile.Decrypt(file, [identity]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(47)]
    [InlineData(48)]
    [InlineData(65_536)]
    [InlineData(200_001)]
    public void EncryptDecrypt_Armored_RoundTrips(int size)
    {
        using X25519Identity identity = X25519Identity.Generate();
        byte[] plaintext = AgeTestData.RandomBytes(size, size + 7);

        byte[] file = AgeTestData.EncryptTo(identity, plaintext, armor: true);

        Assert.StartsWith("-----BEGIN AGE ENCRYPTED FILE-----\n", Encoding.ASCII.GetString(file), StringComparison.Ordinal);
        Assert.Equal(plaintext, AgeFile.Decrypt(file, [identity]));
    }

    [Fact]
    public void EncryptDecrypt_RandomSizes_RoundTrip()
    {
        using X25519Identity identity = X25519Identity.Generate();
        Random random = new(1234);
        for (int i = 0; i < 12; i++)
        {
            int size = random.Next(0, 300_000);
            byte[] plaintext = AgeTestData.RandomBytes(size, i);
            bool armor = i % 2 == 0;

            byte[] file = AgeTestData.EncryptTo(identity, plaintext, armor);

            Assert.Equal(plaintext, AgeFile.Decrypt(file, [identity]));
        }
    }

    [Fact]
    public void Decrypt_ArmoredWithCrlfLineEndings_RoundTrips()
    {
        using X25519Identity identity = X25519Identity.Generate();
        byte[] plaintext = AgeTestData.RandomBytes(1000, 3);
        string armored = Encoding.ASCII.GetString(AgeTestData.EncryptTo(identity, plaintext, armor: true));

        byte[] crlf = Encoding.ASCII.GetBytes(armored.Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.Equal(plaintext, AgeFile.Decrypt(crlf, [identity]));
    }

    [Fact]
    public void Decrypt_ArmoredWithSurroundingWhitespace_RoundTrips()
    {
        using X25519Identity identity = X25519Identity.Generate();
        byte[] plaintext = AgeTestData.RandomBytes(100, 4);
        string armored = Encoding.ASCII.GetString(AgeTestData.EncryptTo(identity, plaintext, armor: true));

        byte[] padded = Encoding.ASCII.GetBytes("\n\r  \t\n" + armored + "\n  \r\n\t\n");

        Assert.Equal(plaintext, AgeFile.Decrypt(padded, [identity]));
    }

    [Fact]
    public void Decrypt_SecondOfSeveralRecipients_RoundTrips()
    {
        using X25519Identity first = X25519Identity.Generate();
        using X25519Identity second = X25519Identity.Generate();
        byte[] plaintext = Encoding.UTF8.GetBytes("två mottagare");

        byte[] file = AgeFile.Encrypt(plaintext, [first.Recipient, second.Recipient]);

        Assert.Equal(plaintext, AgeFile.Decrypt(file, [second]));
    }

    [Fact]
    public void Decrypt_ScryptRecipient_RoundTrips()
    {
        byte[] plaintext = Encoding.UTF8.GetBytes("lösenord");

        byte[] file = AgeFile.Encrypt(plaintext, [new ScryptRecipient("correct horse", workFactor: 10)]);
        using ScryptIdentity identity = new("correct horse");

        Assert.Equal(plaintext, AgeFile.Decrypt(file, [identity]));
    }

    [Fact]
    public async Task EncryptAsyncDecryptAsync_Streams_RoundTrip()
    {
        using X25519Identity identity = X25519Identity.Generate();
        byte[] plaintext = AgeTestData.RandomBytes(300_000, 9);
        using MemoryStream encrypted = new();

        await AgeFile.EncryptAsync(new MemoryStream(plaintext), encrypted, [identity.Recipient], armor: true);
        encrypted.Position = 0;
        using MemoryStream decrypted = new();
        await AgeFile.DecryptAsync(encrypted, decrypted, [identity]);

        Assert.Equal(plaintext, decrypted.ToArray());
    }

    [Fact]
    public void OpenWrite_SmallWrites_ProduceSameLayoutAsOneWrite()
    {
        using X25519Identity identity = X25519Identity.Generate();
        byte[] plaintext = AgeTestData.RandomBytes(140_000, 11);
        using MemoryStream output = new();

        using (Stream sealing = AgeFile.OpenWrite(output, [identity.Recipient], leaveOpen: true))
        {
            for (int offset = 0; offset < plaintext.Length; offset += 1000)
            {
                sealing.Write(plaintext, offset, Math.Min(1000, plaintext.Length - offset));
            }
        }

        Assert.Equal(plaintext, AgeFile.Decrypt(output.ToArray(), [identity]));
    }

    [Fact]
    public void OpenRead_SmallReads_ReturnWholePlaintext()
    {
        using X25519Identity identity = X25519Identity.Generate();
        byte[] plaintext = AgeTestData.RandomBytes(70_000, 12);
        byte[] file = AgeTestData.EncryptTo(identity, plaintext);
        using MemoryStream result = new();

        using (Stream reading = AgeFile.OpenRead(new MemoryStream(file), [identity]))
        {
            byte[] buffer = new byte[777];
            int n;
            while ((n = reading.Read(buffer, 0, buffer.Length)) > 0)
            {
                result.Write(buffer, 0, n);
            }
        }

        Assert.Equal(plaintext, result.ToArray());
    }

    [Fact]
    public void Encrypt_EmptyPayload_HasSingleEmptyFinalChunk()
    {
        using X25519Identity identity = X25519Identity.Generate();

        byte[] file = AgeTestData.EncryptTo(identity, []);
        int headerEnd = file.AsSpan().IndexOf("\n---"u8);
        int payloadStart = file.AsSpan(headerEnd + 1).IndexOf((byte)'\n') + headerEnd + 2;

        Assert.Equal(16 + 16, file.Length - payloadStart);
    }

    [Fact]
    public void Encrypt_FullFinalChunk_HasNoExtraEmptyChunk()
    {
        using X25519Identity identity = X25519Identity.Generate();

        byte[] file = AgeTestData.EncryptTo(identity, new byte[65_536]);
        int headerEnd = file.AsSpan().IndexOf("\n---"u8);
        int payloadStart = file.AsSpan(headerEnd + 1).IndexOf((byte)'\n') + headerEnd + 2;

        Assert.Equal(16 + 65_536 + 16, file.Length - payloadStart);
    }
}
