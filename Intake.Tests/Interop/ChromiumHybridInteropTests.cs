using System.Security.Cryptography;
using Intake.Crypto.Age;

namespace Intake.Tests.Interop;

/// <summary>
/// Files sealed to age's post-quantum hybrid recipients (mlkem768x25519) by the npm
/// age-encryption package in Chromium open with Intake.Crypto, and the other way round.
/// </summary>
public sealed class ChromiumHybridInteropTests(ChromiumAgePage browser) : IClassFixture<ChromiumAgePage>
{
    public static TheoryData<int> Sizes() => [0, 1, 65536, (2 * 65536) + 13];

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task SealedInChromium_ToHybridRecipient_OpensInCSharpAsync(int size)
    {
        using HybridIdentity identity = HybridIdentity.Generate();
        byte[] plaintext = RandomNumberGenerator.GetBytes(size);

        byte[] sealedFile = await browser.EncryptAsync(plaintext, identity.Recipient.ToString());

        Assert.Equal("mlkem768x25519", Assert.Single(AgeFile.InspectHeader(sealedFile).Stanzas).Type);
        Assert.Equal(plaintext, AgeFile.Decrypt(sealedFile, [identity]));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task SealedInCSharp_ToHybridRecipient_OpensInChromiumAsync(int size)
    {
        (string identity, string recipient) = await browser.HybridKeygenAsync();
        byte[] plaintext = RandomNumberGenerator.GetBytes(size);

        byte[] sealedFile = AgeFile.Encrypt(plaintext, [HybridRecipient.Parse(recipient)], armor: false);

        Assert.Equal(plaintext, await browser.DecryptAsync(sealedFile, identity));
    }

    [Fact]
    public async Task HybridKeys_MadeOnEitherSide_GiveTheSameRecipientOnTheOtherAsync()
    {
        (string browserIdentity, string browserRecipient) = await browser.HybridKeygenAsync();
        using HybridIdentity parsed = HybridIdentity.Parse(browserIdentity);
        using HybridIdentity own = HybridIdentity.Generate();

        Assert.Equal(browserRecipient, parsed.Recipient.ToString());
        Assert.Equal(own.Recipient.ToString(), await browser.RecipientOfAsync(own.ExportSecretKey()));
    }

    [Fact]
    public async Task SealedInChromium_ToOtherHybridRecipient_IsRejectedByCSharpAsync()
    {
        (_, string recipient) = await browser.HybridKeygenAsync();
        using HybridIdentity other = HybridIdentity.Generate();

        byte[] sealedFile = await browser.EncryptAsync([1, 2, 3], recipient);

        Assert.Throws<AgeNoIdentityMatchException>(() => AgeFile.Decrypt(sealedFile, [other]));
    }
}
