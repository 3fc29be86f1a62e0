using Intake.Crypto.Mailbox;

namespace Intake.Tests.Crypto.Mailbox;

public sealed class MailboxTokenTests
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    // The vectors of docs/mailbox-token.md (computed independently of this code).
    public static TheoryData<string, string, string, string, string> Vectors => new()
    {
        {
            "000000000000000000000000000000",
            "00000-00000-00000-00000-00000",
            "0a99683f25b02eb1bc011af03ab8d5e8124c35e2dd0cdede5ce87823a187bc70",
            "AGE-SECRET-KEY-166QLNF79KTD2WKDA5AFMR9MLPDPPUH92VJY2K9EC0LNL2W2E6PTS00PWAJ",
            "age1272yq4vn3qzjx2sd9p9ff85ya66xqsu3tgdtazksqthqjnw5rc9q8t8vwp"
        },
        {
            "000102030405060708090a0b0c0d0e",
            "000G4-0R40M-30E20-9185G-R38EJ",
            "51a3175845c72fefdc3bc54052ce6d1eaa8cf40e217aa5a8d88f60af22648fd8",
            "AGE-SECRET-KEY-17AX6G24SWSGYZGDPYE6CMU0RNHQZ775Q94TMWCXG32N75ESR5R2QK8T98V",
            "age1r32ynqmg6te4fnsq4h5rp78s2qh85mzujuzujzww4upen7mv4eeq8qmmz3"
        },
        {
            "ffffffffffffffffffffffffffffff",
            "ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZR",
            "f41d839c5ee74fa80c4d87a8bf41bbd54a6ab779565b3f8e1da1526895e41741",
            "AGE-SECRET-KEY-1AP9W6V8JVFV0SKVD57SH5HXPYV7YR4H2F6FDRYHMYGXJJDZWCW3QPA6U29",
            "age1mmhpwy4xcjh6qvydat53cn0ajuxtmkphmag24cka839exxwlw56qk2ssev"
        },
        {
            "8f3a1c2b9d4e6f708192a3b4c5d6e7",
            "HWX1R-AWX9S-QQ10C-JMETC-BNQ73",
            "ed82cf9eef0a22e4419d06230495529c1fa192d68e1aba70e4c0959f37dd4ac0",
            "AGE-SECRET-KEY-10J29533AU9YPPKC45Q7SHTKLV980KYYEY6A5F80YEG5V0CHL5S8QFRE96P",
            "age16yvecuass4kmnqpkq27ff88rfgv2j7fcak3dg9srhy3n96z79y2sq9vrd0"
        },
    };

    // docs/mailbox-token.md, "Authenticator and verifier": entropy → authenticator → SHA-256 verifier, computed
    // independently (Python's hmac/hashlib HKDF).
    public static TheoryData<string, string, string> AuthenticatorVectors => new()
    {
        { "000000000000000000000000000000", "9636353fded4ce86016036b9dd821d1f33945547328a41525632eebc09554d5d", "939f4f029e7a05e64dbce5e743c6ec61a1e7b982ed9150d5a28efd5132c555e7" },
        { "000102030405060708090a0b0c0d0e", "0346a2fdea3ec8c708051a5d09aa556405455b01ec35eca43689e6f4d2520861", "b2fe5513dfdbbeb3afb30f61885bcc7aad5690e04dbb34cf0fb6f1d794b79038" },
        { "ffffffffffffffffffffffffffffff", "bc1f0696033a97d42f5e882b5cc24953195f15aa47e63f1093ed1c09aae3d698", "aaa6ded065835b68298fb8e19ecefc4c8c2cfa51f8e7a06bf44507cc181bc039" },
        { "8f3a1c2b9d4e6f708192a3b4c5d6e7", "43bcb8d2a594bc1250dee9a51fcbe8e08d7de9d20453c1a7f31f106e71f67943", "9f5993b4305bbe6ec7cc984a7dfb819e5f125096d6793a797a72fa1ccb4b133a" },
    };

    // docs/mailbox-token.md, "hybrid identity" and "hybrid recipient SHA-256": entropy → the hybrid identity (seed
    // by Python's hmac/hashlib HKDF, Bech32 by a separate Python encoder) → SHA-256 of its recipient's ASCII text
    // (the recipient computed by the npm age-encryption package, identityToRecipient).
    public static TheoryData<string, string, string> HybridVectors => new()
    {
        { "000000000000000000000000000000", "AGE-SECRET-KEY-PQ-1W68ZCQ39XAF7QRVSU9HKFRNPAQDKTLSQ5Y2Y2567WKTMPNA8VRSQZEKDKN", "0557455563236e46a5da224540ecdd1ae0a4541e639275e3d405317fff75a5a9" },
        { "000102030405060708090a0b0c0d0e", "AGE-SECRET-KEY-PQ-193AWWUS8QZ7CTN9GXYV7VEVDLGFZCYGAG2FRZ52SK0F33K8EPN7Q2Z6XRU", "a5cfc0e407e84b4a050873e3bf3c6664c0b51353ba9cb5cd9f4f817a6847fde9" },
        { "ffffffffffffffffffffffffffffff", "AGE-SECRET-KEY-PQ-1CJRKE23CFUHT7U4MM5F70HK7Y8VNPTVYJR42QAVL50J2V4LRSVVQPNMXTL", "8dc40ddadc58b9036f7895ae72b105db631cf6e93527e76ca3b74db58de6c323" },
        { "8f3a1c2b9d4e6f708192a3b4c5d6e7", "AGE-SECRET-KEY-PQ-1LJ8RLAEA80Q9XUNV2N39XSKKL7SD4Z9TJTHMWKSP0E288SDLU9KQPCD0P6", "4ae15d9fdf41ed992b16f2bd37bb21f88d8b85d6184e17faa80adc649636f7df" },
    };

    [Theory]
    [MemberData(nameof(HybridVectors))]
    public void FromEntropy_DocumentedVector_MatchesHybridIdentityAndRecipient(string entropyHex, string identity, string recipientSha256)
    {
        using var token = MailboxToken.FromEntropy(Convert.FromHexString(entropyHex));
        using var keys = token.DeriveKeys();

        Assert.Equal(identity, keys.Identity.ExportSecretKey());
        var recipient = keys.Recipient.ToString();
        Assert.StartsWith("age1pq1", recipient, StringComparison.Ordinal);
        Assert.Equal(1959, recipient.Length);
        Assert.Equal(recipientSha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(recipient))));
    }

    [Theory]
    [MemberData(nameof(AuthenticatorVectors))]
    public void FromEntropy_DocumentedVector_MatchesAuthenticatorAndVerifier(string entropyHex, string authenticator, string verifier)
    {
        using var token = MailboxToken.FromEntropy(Convert.FromHexString(entropyHex));
        using var keys = token.DeriveKeys();

        Assert.Equal(authenticator, keys.AuthenticatorHex);
        Assert.Equal(verifier, Convert.ToHexStringLower(keys.Verifier));
        Assert.Equal(keys.Verifier, MailboxKeys.VerifierOf(keys.Authenticator));
        Assert.NotEqual(keys.Authenticator, keys.LookupId);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void FromEntropy_DocumentedVector_MatchesTokenAndKeys(string entropyHex, string token, string lookupId, string secretKey, string recipient)
    {
        using MailboxToken fromEntropy = MailboxToken.FromEntropy(Convert.FromHexString(entropyHex));
        using MailboxKeys keys = fromEntropy.DeriveKeys();

        Assert.Equal(token, fromEntropy.ToString());
        Assert.Equal(lookupId, keys.LookupIdHex);
        Assert.Equal(Convert.FromHexString(lookupId), keys.LookupId);
        Assert.Equal(secretKey, keys.ClassicIdentity.ExportSecretKey());
        Assert.Equal(recipient, keys.ClassicIdentity.Recipient.ToString());
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void TryParse_DocumentedToken_RecoversEntropy(string entropyHex, string token, string lookupId, string secretKey, string recipient)
    {
        Assert.Equal(MailboxTokenParseStatus.Ok, MailboxToken.TryParse(token, out MailboxToken? parsed));
        using (parsed)
        {
            using MailboxKeys keys = parsed!.DeriveKeys();

            Assert.Equal(entropyHex, Convert.ToHexStringLower(parsed.GetEntropy()));
            Assert.Equal((lookupId, secretKey, recipient), (keys.LookupIdHex, keys.ClassicIdentity.ExportSecretKey(), keys.ClassicIdentity.Recipient.ToString()));
        }
    }

    [Fact]
    public void Generate_Token_HasCanonicalFormat()
    {
        using MailboxToken token = MailboxToken.Generate();

        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){4}$", token.ToString());
    }

    [Fact]
    public void Generate_Token_ParsesBackToSameToken()
    {
        using MailboxToken token = MailboxToken.Generate();

        Assert.Equal(MailboxTokenParseStatus.Ok, MailboxToken.TryParse(token.ToString(), out MailboxToken? parsed));
        using (parsed)
        {
            Assert.Equal(token.ToString(), parsed!.ToString());
        }
    }

    [Fact]
    public void Generate_TwoTokens_Differ()
    {
        using MailboxToken a = MailboxToken.Generate();
        using MailboxToken b = MailboxToken.Generate();

        Assert.NotEqual(a.ToString(), b.ToString());
    }

    [Theory]
    [InlineData("hwx1r-awx9s-qq10c-jmetc-bnq73")]
    [InlineData("HWX1RAWX9SQQ10CJMETCBNQ73")]
    [InlineData("  HWX1R AWX9S QQ10C JMETC BNQ73 ")]
    [InlineData("HWX1R\tAWX9S\nQQ10C-JMETC - BNQ73")]
    [InlineData("HWXIR-AWX9S-QQ1OC-JMETC-BNQ73")]
    [InlineData("HWXlR-AWX9S-QQ10C-JMETC-BNQ73")]
    [InlineData("hwxLr-awx9s-qqioc-jmetc-bnq73")]
    public void TryParse_TolerantInput_ReturnsOkWithCanonicalToken(string input)
    {
        Assert.Equal(MailboxTokenParseStatus.Ok, MailboxToken.TryParse(input, out MailboxToken? token));
        using (token)
        {
            Assert.Equal("HWX1R-AWX9S-QQ10C-JMETC-BNQ73", token!.ToString());
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" - -\t")]
    public void TryParse_NothingEntered_ReturnsEmpty(string? input)
    {
        Assert.Equal(MailboxTokenParseStatus.Empty, MailboxToken.TryParse(input, out MailboxToken? token));
        Assert.Null(token);
    }

    [Theory]
    [InlineData("HWX1R-AWX9S-QQ10C-JMETC-BNQ7")]
    [InlineData("HWX1R-AWX9S-QQ10C-JMETC-BNQ733")]
    [InlineData("HWX1R-AWX9S-QQ10C-JMETC-BNQ7U")]
    [InlineData("HWX1R-AWX9S-QQ10C-JMETC-BNQ7*")]
    [InlineData("HWX1R-AWX9S-QQ10C-JMETC-BNQ7Ö")]
    public void TryParse_WrongLengthOrCharacter_ReturnsMalformed(string input)
    {
        Assert.Equal(MailboxTokenParseStatus.Malformed, MailboxToken.TryParse(input, out MailboxToken? token));
        Assert.Null(token);
    }

    [Fact]
    public void TryParse_WrongCheckCharacter_ReturnsCheckCharacterMismatch()
    {
        Assert.Equal(MailboxTokenParseStatus.CheckCharacterMismatch, MailboxToken.TryParse("HWX1R-AWX9S-QQ10C-JMETC-BNQ74", out MailboxToken? token));
        Assert.Null(token);
    }

    [Fact]
    public void TryParse_EverySingleSubstitution_IsNeverOk()
    {
        using MailboxToken token = MailboxToken.Generate();
        string compact = token.ToString().Replace("-", string.Empty, StringComparison.Ordinal);
        List<string> accepted = [];

        for (int position = 0; position < compact.Length; position++)
        {
            foreach (char replacement in Alphabet + "U*")
            {
                if (replacement == compact[position])
                {
                    continue;
                }

                string typo = compact[..position] + replacement + compact[(position + 1)..];
                MailboxTokenParseStatus status = MailboxToken.TryParse(typo, out MailboxToken? parsed);
                parsed?.Dispose();
                if (status == MailboxTokenParseStatus.Ok)
                {
                    accepted.Add(typo);
                }
            }
        }

        Assert.Empty(accepted);
    }

    [Fact]
    public void DeriveKeys_DifferentTokens_GiveDifferentLookupIdAndIdentity()
    {
        using MailboxToken a = MailboxToken.Generate();
        using MailboxToken b = MailboxToken.Generate();
        using MailboxKeys keysA = a.DeriveKeys();
        using MailboxKeys keysB = b.DeriveKeys();

        Assert.NotEqual(keysA.LookupIdHex, keysB.LookupIdHex);
        Assert.NotEqual(keysA.Recipient, keysB.Recipient);
    }

    [Fact]
    public void DeriveKeys_SameToken_IsDeterministic()
    {
        using MailboxToken token = MailboxToken.Generate();
        using MailboxKeys first = token.DeriveKeys();
        using MailboxKeys second = token.DeriveKeys();

        Assert.Equal(first.LookupIdHex, second.LookupIdHex);
        Assert.Equal(first.Recipient, second.Recipient);
    }

    [Fact]
    public void DeriveKeys_LookupId_DiffersFromIdentitySecret()
    {
        using MailboxToken token = MailboxToken.Generate();
        using MailboxKeys keys = token.DeriveKeys();

        Assert.NotEqual(keys.LookupId, keys.ClassicIdentity.GetSecretKey());
    }
}
