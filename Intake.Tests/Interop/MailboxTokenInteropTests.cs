using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Intake.Crypto.Age;
using Intake.Crypto.Mailbox;

namespace Intake.Tests.Interop;

/// <summary>
/// The JavaScript mailbox token (client/src/mailbox-token.js, run by
/// Interop/js/mailbox-tool.mjs) and Intake.Crypto.Mailbox.MailboxToken agree on
/// formatting, parsing and the derived lookup id, authenticator, verifier and age keys.
/// </summary>
public sealed class MailboxTokenInteropTests : IDisposable
{
    private const string Tool = "mailbox-tool.mjs";

    // Vectors computed independently of both implementations (HKDF-SHA256 and the
    // Luhn mod 32 check in a separate script, recipients with `age-keygen -y`);
    // client/test/mailbox-token.test.mjs holds the same ones.
    public static readonly TheoryData<string, string, string, string, string> IndependentVectors = new()
    {
        {
            "000000000000000000000000000000",
            "00000-00000-00000-00000-00000",
            "0a99683f25b02eb1bc011af03ab8d5e8124c35e2dd0cdede5ce87823a187bc70",
            "AGE-SECRET-KEY-166QLNF79KTD2WKDA5AFMR9MLPDPPUH92VJY2K9EC0LNL2W2E6PTS00PWAJ",
            "age1272yq4vn3qzjx2sd9p9ff85ya66xqsu3tgdtazksqthqjnw5rc9q8t8vwp"
        },
        {
            "ffffffffffffffffffffffffffffff",
            "ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZR",
            "f41d839c5ee74fa80c4d87a8bf41bbd54a6ab779565b3f8e1da1526895e41741",
            "AGE-SECRET-KEY-1AP9W6V8JVFV0SKVD57SH5HXPYV7YR4H2F6FDRYHMYGXJJDZWCW3QPA6U29",
            "age1mmhpwy4xcjh6qvydat53cn0ajuxtmkphmag24cka839exxwlw56qk2ssev"
        },
        {
            "000102030405060708090a0b0c0d0e",
            "000G4-0R40M-30E20-9185G-R38EJ",
            "51a3175845c72fefdc3bc54052ce6d1eaa8cf40e217aa5a8d88f60af22648fd8",
            "AGE-SECRET-KEY-17AX6G24SWSGYZGDPYE6CMU0RNHQZ775Q94TMWCXG32N75ESR5R2QK8T98V",
            "age1r32ynqmg6te4fnsq4h5rp78s2qh85mzujuzujzww4upen7mv4eeq8qmmz3"
        },
        {
            "dc8e4b7fa0c2193d5e6a81f4b2073c",
            "VJ74P-ZX0R8-CKTQK-AG7TB-41SWE",
            "356d331389cc7975260c0bf624aa724f0036d920fd7ead388d91b48db13a2ebc",
            "AGE-SECRET-KEY-1Z2V3A0RZRX6LL8NADEW98E085W9TJK8TD2XXX0Y497YQ8U49YYGQCVM3K6",
            "age1jx73pe92z4vg7p7f3yl65e5wmqugszxjyrkzdkjwj5642k0dj99q945lmf"
        },
    };

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void TokensGeneratedInCSharp_DeriveSameKeysInNode()
    {
        var tokens = new List<MailboxToken>();
        for (int i = 0; i < 25; i++)
        {
            tokens.Add(MailboxToken.Generate());
        }

        using var cleanup = new DisposeAll(tokens);
        List<JsDerived> derived = DeriveInNode(tokens.Select(t => t.ToString()));

        Assert.Equal(tokens.Count, derived.Count);
        for (int i = 0; i < tokens.Count; i++)
        {
            JsDerived js = derived[i];
            Assert.True(js.Status == "ok", $"{tokens[i]}: JavaScript says {js.Status}");
            Assert.Equal(tokens[i].ToString(), js.Token);
            AssertSameKeys(tokens[i], js);
        }
    }

    [Fact]
    public void TokensGeneratedInNode_ParseAndDeriveSameKeysInCSharp()
    {
        using var json = JsonDocument.Parse(NodeRunner.RunChecked(Tool, ["generate", "25"]));
        List<JsDerived> generated = json.RootElement.EnumerateArray().Select(JsDerived.From).ToList();

        Assert.Equal(25, generated.Count);
        Assert.Equal(25, generated.Select(g => g.Token).Distinct(StringComparer.Ordinal).Count());
        foreach (JsDerived js in generated)
        {
            MailboxTokenParseStatus status = MailboxToken.TryParse(js.Token, out MailboxToken? token);
            Assert.True(status == MailboxTokenParseStatus.Ok, $"{js.Token}: C# says {status}");
            using (token)
            {
                Assert.Equal(js.Token, token!.ToString());
                AssertSameKeys(token, js);
            }
        }
    }

    [Fact]
    public void FileSealedInNode_ToTokenRecipient_OpensInCSharp_WithTokenIdentity()
    {
        using MailboxToken token = MailboxToken.Generate();
        byte[] plaintext = RandomNumberGenerator.GetBytes(100_000);
        File.WriteAllBytes(_temp.File("reply.bin"), plaintext);

        NodeRunner.RunChecked(Tool, ["seal", token.ToString().ToLowerInvariant(), _temp.File("reply.bin"), _temp.File("reply.age")]);

        using MailboxKeys keys = token.DeriveKeys();
        byte[] opened = AgeFile.Decrypt(File.ReadAllBytes(_temp.File("reply.age")), [keys.Identity]);
        Assert.True(plaintext.AsSpan().SequenceEqual(opened), "plaintext differs");
    }

    [Theory]
    [MemberData(nameof(IndependentVectors))]
    public void IndependentVectors_MatchInCSharpAndNode(string entropyHex, string display, string lookupIdHex, string identity, string recipient)
    {
        MailboxTokenParseStatus status = MailboxToken.TryParse(display, out MailboxToken? token);
        Assert.Equal(MailboxTokenParseStatus.Ok, status);
        using (token)
        using (MailboxKeys keys = token!.DeriveKeys())
        {
            Assert.Equal(display, token.ToString());
            Assert.Equal(lookupIdHex, keys.LookupIdHex);
            Assert.Equal(identity, keys.ClassicIdentity.ExportSecretKey());
            Assert.Equal(recipient, keys.ClassicIdentity.Recipient.ToString());
        }

        using var json = JsonDocument.Parse(NodeRunner.RunChecked(Tool, ["derive-entropy", entropyHex]));
        JsDerived js = JsDerived.From(json.RootElement[0]);
        Assert.Equal((display, lookupIdHex, identity, recipient), (js.Token, js.LookupIdHex, js.Identity, js.Recipient));
    }

    [Fact]
    public void ParseStatus_AgreesBetweenCSharpAndNode()
    {
        const string Valid = "VJ74P-ZX0R8-CKTQK-AG7TB-41SWE";
        string[] inputs =
        [
            Valid,
            Valid.ToLowerInvariant(),
            Valid.Replace('-', ' '),
            Valid.Replace("-", string.Empty, StringComparison.Ordinal),
            " vj74p zx0r8\tcktqk\nag7tb 41swe ",
            "OOOOO-OOOOO-OOOOO-OOOOO-OOOOO",
            "oooG4-0R4oM-3oE2o-9I85G-R38EJ",
            "000G4-0R40M-30E20-9l85G-R38EJ",
            "000G4-0R40M-30E20-9L85G-R38EJ",
            string.Empty,
            "   ",
            "- - -",
            "X",
            Valid[..^1],
            Valid + "0",
            Valid.Replace('V', 'U'),
            Valid.Replace('V', '*'),
            Valid.Replace('-', '_'),
            "VJ74P-ZX0R8-CKTQK-AG7TB-41SWF",
            "JV74P-ZX0R8-CKTQK-AG7TB-41SWE",
            "VJ74P-ZX0R8-CKTQK-AG7TB-41SW0",
            // Beyond ASCII: no-break space is whitespace on both sides; other letters never map
            // onto the alphabet (no culture- or Unicode-dependent case mapping).
            "VJ74P\u00A0ZX0R8\u2003CKTQK-AG7TB-41SWE",
            "000G4-0R40M-30E20-9\u013185G-R38EJ",
            "000G4-0R40M-30E20-9\u013085G-R38EJ",
            "VJ74P-ZX0R8-CKTQK-AG7TB-41SW\uFF25",
            "VJ74P\u0085ZX0R8\u3000CKTQK\u2028AG7TB 41SWE",
            "VJ74P\uFEFFZX0R8-CKTQK-AG7TB-41SWE",
            // Invariant-culture uppercasing: long s is S, dotless i is not I, sharp s is not "SS".
            "VJ74P-ZX0R8-CKTQK-AG7TB-41\u017FWE",
            "vj74p-zx0r8-cktqk-ag7tb-41\u017Fwe",
            "000G4-0R40M-30E20-9\u013185G-R38EJ",
            "VJ74P-ZX0R8-CKTQK-AG7TB-41\u00DFWE",
        ];

        List<JsDerived> js = DeriveInNode(inputs);

        var mismatches = new List<string>();
        for (int i = 0; i < inputs.Length; i++)
        {
            MailboxTokenParseStatus status = MailboxToken.TryParse(inputs[i], out MailboxToken? token);
            using MailboxToken? disposeToken = token;
            string cs = StatusName(status);
            if (cs != js[i].Status || (status == MailboxTokenParseStatus.Ok && token!.ToString() != js[i].Token))
            {
                mismatches.Add($"'{inputs[i]}': C# {cs} {token}, JavaScript {js[i].Status} {js[i].Token}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    [Fact]
    public void SpecificationVectors_AreReproducedInNodeAndCSharp()
    {
        List<SpecVector> vectors = ReadSpecificationVectors();
        Assert.True(vectors.Count >= 4, $"expected at least 4 test vectors in docs/mailbox-token.md, found {vectors.Count}");

        using var json = JsonDocument.Parse(NodeRunner.RunChecked(Tool, ["derive-entropy", .. vectors.Select(v => v.EntropyHex)]));
        List<JsDerived> fromEntropy = json.RootElement.EnumerateArray().Select(JsDerived.From).ToList();
        List<JsDerived> fromToken = DeriveInNode(vectors.Select(v => v.Token));

        for (int i = 0; i < vectors.Count; i++)
        {
            SpecVector v = vectors[i];
            var expected = (v.Token, v.LookupIdHex, v.Identity, v.Recipient);
            Assert.Equal(expected, (fromEntropy[i].Token, fromEntropy[i].LookupIdHex, fromEntropy[i].Identity, fromEntropy[i].Recipient));
            Assert.Equal(expected, (fromToken[i].Token, fromToken[i].LookupIdHex, fromToken[i].Identity, fromToken[i].Recipient));
            Assert.Equal((v.AuthenticatorHex, v.VerifierHex), (fromEntropy[i].AuthenticatorHex, fromEntropy[i].VerifierHex));
            Assert.Equal((v.AuthenticatorHex, v.VerifierHex), (fromToken[i].AuthenticatorHex, fromToken[i].VerifierHex));

            Assert.Equal(MailboxTokenParseStatus.Ok, MailboxToken.TryParse(v.Token, out MailboxToken? token));
            using (token)
            using (MailboxKeys keys = token!.DeriveKeys())
            {
                Assert.Equal(expected, (token.ToString(), keys.LookupIdHex, keys.ClassicIdentity.ExportSecretKey(), keys.ClassicIdentity.Recipient.ToString()));
                Assert.Equal((v.AuthenticatorHex, v.VerifierHex), (keys.AuthenticatorHex, Convert.ToHexStringLower(keys.Verifier)));
                Assert.Equal(v.HybridIdentity, keys.Identity.ExportSecretKey());
                Assert.Equal(v.HybridRecipientSha256, Sha256Hex(keys.Recipient.ToString()));
            }

            foreach (JsDerived js in new[] { fromEntropy[i], fromToken[i] })
            {
                Assert.Equal(v.HybridIdentity, js.HybridIdentity);
                Assert.Equal(v.HybridRecipientSha256, Sha256Hex(js.HybridRecipient!));
            }
        }
    }

    [Fact]
    public void NullToken_IsEmptyInCSharp() =>
        Assert.Equal(MailboxTokenParseStatus.Empty, MailboxToken.TryParse(null, out _));

    private static List<SpecVector> ReadSpecificationVectors()
    {
        string path = Path.Combine(NodeRunner.RepositoryRoot, "docs", "mailbox-token.md");
        Assert.True(File.Exists(path), $"{path} is missing: it holds the mailbox token specification and its test vectors.");
        string text = File.ReadAllText(path);
        string[] Values(string label) => Regex.Matches(text, @"^\s*\*\s*" + label + @":\s*`([^`]+)`", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value)
            .ToArray();
        string[] entropy = Values("entropy"), token = Values("token"), lookup = Values("lookup id"), identity = Values("identity"), recipient = Values("recipient");
        string[] authenticator = Values("authenticator"), verifier = Values("verifier");
        string[] hybridIdentity = Values("hybrid identity"), hybridRecipient = Values("hybrid recipient SHA-256");
        Assert.True(
            new[] { token.Length, lookup.Length, identity.Length, recipient.Length, authenticator.Length, verifier.Length, hybridIdentity.Length, hybridRecipient.Length }
                .All(n => n == entropy.Length),
            "docs/mailbox-token.md: every vector needs entropy, token, lookup id, authenticator, verifier, identity, recipient, hybrid identity and hybrid recipient SHA-256 lines");
        return entropy.Select((e, i) => new SpecVector(e, token[i], lookup[i], identity[i], recipient[i], authenticator[i], verifier[i], hybridIdentity[i], hybridRecipient[i])).ToList();
    }

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(text)));

    private static string StatusName(MailboxTokenParseStatus status) => status switch
    {
        MailboxTokenParseStatus.Ok => "ok",
        MailboxTokenParseStatus.Empty => "empty",
        MailboxTokenParseStatus.Malformed => "malformed",
        MailboxTokenParseStatus.CheckCharacterMismatch => "check-character-mismatch",
        _ => status.ToString(),
    };

    private static List<JsDerived> DeriveInNode(IEnumerable<string> inputs)
    {
        string stdin = JsonSerializer.Serialize(inputs.ToArray());
        using var json = JsonDocument.Parse(NodeRunner.RunChecked(Tool, ["derive"], stdin));
        return json.RootElement.EnumerateArray().Select(JsDerived.From).ToList();
    }

    private static void AssertSameKeys(MailboxToken token, JsDerived js)
    {
        using MailboxKeys keys = token.DeriveKeys();
        Assert.Equal(keys.LookupIdHex, js.LookupIdHex);
        Assert.Equal(Convert.ToHexStringLower(keys.LookupId), js.LookupIdHex);
        Assert.Equal(keys.ClassicIdentity.ExportSecretKey(), js.Identity);
        Assert.Equal(keys.ClassicIdentity.Recipient.ToString(), js.Recipient);
        Assert.Equal(keys.Identity.ExportSecretKey(), js.HybridIdentity);
        Assert.Equal(keys.Recipient.ToString(), js.HybridRecipient);
        Assert.Equal(keys.AuthenticatorHex, js.AuthenticatorHex);
        Assert.Equal(Convert.ToHexStringLower(keys.Verifier), js.VerifierHex);
    }

    private sealed record SpecVector(
        string EntropyHex, string Token, string LookupIdHex, string Identity, string Recipient, string AuthenticatorHex, string VerifierHex,
        string HybridIdentity, string HybridRecipientSha256);

    private sealed class DisposeAll(IEnumerable<IDisposable> items) : IDisposable
    {
        public void Dispose()
        {
            foreach (IDisposable item in items)
            {
                item.Dispose();
            }
        }
    }

    private sealed record JsDerived(
        string Status, string? Token, string? LookupIdHex, string? Identity, string? Recipient, string? AuthenticatorHex = null, string? VerifierHex = null,
        string? HybridIdentity = null, string? HybridRecipient = null)
    {
        public static JsDerived From(JsonElement e) => new(
            e.TryGetProperty("status", out JsonElement s) ? s.GetString()! : "ok",
            Get(e, "token"),
            Get(e, "lookupIdHex"),
            Get(e, "identity"),
            Get(e, "recipient"),
            Get(e, "authenticatorHex"),
            Get(e, "verifierHex"),
            Get(e, "hybridIdentity"),
            Get(e, "hybridRecipient"));

        private static string? Get(JsonElement e, string name) => e.TryGetProperty(name, out JsonElement v) ? v.GetString() : null;
    }
}
