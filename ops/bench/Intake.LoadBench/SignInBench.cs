using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Fido2NetLib;
using Fido2NetLib.Objects;
using Intake.Crypto.Age;
using Intake.Crypto.Age.Fido2Prf;
using Intake.Web.Accounts;
using Intake.Web.Keys;
using Microsoft.Extensions.Options;

namespace Intake.LoadBench;

/// <summary>
/// The server's work in each sign-in path, in one process, interleaved: the passphrase path opens the scrypt-sealed
/// personal identity at the production work factor and checks a TOTP code; the passkey path checks a WebAuthn
/// assertion with the Fido2 library (ES256 signature, challenge, origin, relying party, user verification, counter)
/// and opens the identity sealed to the passkey's PRF outputs. Both then unlock the same channel keys, which is left
/// out. See ops/bench/README.md, "Sign-in".
/// </summary>
internal static class SignInBench
{
    private const string RpId = "intake.example";
    private const string Origin = "https://intake.example";

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length >= 2 && args[0] == "--runs" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var workFactor = new KeyOptions().ScryptWorkFactor;
        var staffKeys = new StaffKeys(Options.Create(new KeyOptions()));
        var totp = new TotpCodes(TimeProvider.System);
        const string passphrase = "correct-orbit-lantern-meadow";
        var (sealedByPassphrase, _) = staffKeys.CreateIdentity(passphrase);
        var totpSecret = TotpCodes.NewSecret();

        using var identity = staffKeys.TryOpen(sealedByPassphrase, passphrase)!;
        using var credentialKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var publicKey = CoseKey(credentialKey.ExportParameters(false));
        var nonce = RandomNumberGenerator.GetBytes(Fido2PrfKey.NonceSize);
        var (prfFirst, prfSecond) = (RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));
        using var sealingRecipient = new Fido2PrfRecipient(nonce, prfFirst, prfSecond);
        var sealedByPasskey = SealedIdentity.Seal(identity, sealingRecipient);
        var fido2 = new Fido2(new Fido2Configuration { RPID = RpId, RPName = "Intake", Origins = new HashSet<string>(StringComparer.Ordinal) { Origin } });
        uint counter = 0;

        async Task<double> PassphraseAsync()
        {
            var clock = Stopwatch.StartNew();
            using var opened = staffKeys.TryOpen(sealedByPassphrase, passphrase) ?? throw new InvalidOperationException("passphrase");
            var code = totp.CodeFor(totpSecret, DateTimeOffset.UtcNow);
            _ = totp.Verify(totpSecret, code, 0) ?? throw new InvalidOperationException("totp");
            await Task.CompletedTask;
            return clock.Elapsed.TotalMilliseconds;
        }

        async Task<double> PasskeyAsync()
        {
            var options = fido2.GetAssertionOptions(new GetAssertionOptionsParams { AllowedCredentials = [], UserVerification = UserVerificationRequirement.Required });
            var assertion = Assert(credentialKey, options.Challenge, ++counter);
            var clock = Stopwatch.StartNew();
            await fido2.MakeAssertionAsync(new MakeAssertionParams
            {
                AssertionResponse = assertion,
                OriginalOptions = options,
                StoredPublicKey = publicKey,
                StoredSignatureCounter = counter - 1,
                IsUserHandleOwnerOfCredentialIdCallback = (_, _) => Task.FromResult(true),
            });
            using var opener = new Fido2PrfIdentity(nonce, prfFirst, prfSecond);
            using var opened = SealedIdentity.Open(sealedByPasskey, opener);
            return clock.Elapsed.TotalMilliseconds;
        }

        // Warm-up (JIT, first allocations), then interleaved runs so that load from elsewhere hits both alike.
        await PassphraseAsync();
        await PasskeyAsync();
        var passphraseTimes = new List<double>();
        var passkeyTimes = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            passphraseTimes.Add(await PassphraseAsync());
            passkeyTimes.Add(await PasskeyAsync());
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{runs} sign-ins per path, interleaved; scrypt work factor {workFactor}"));
        Console.WriteLine();
        Console.WriteLine("| path | best ms | median ms | worst ms |");
        Console.WriteLine("|---|---|---|---|");
        Row("passphrase + TOTP", passphraseTimes);
        Row("passkey (assertion + PRF unwrap)", passkeyTimes);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median ratio passphrase / passkey: {Median(passphraseTimes) / Median(passkeyTimes):0}x"));
        return 0;
    }

    private static void Row(string name, List<double> times) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {times.Min():0.000} | {Median(times):0.000} | {times.Max():0.000} |"));

    private static double Median(List<double> times)
    {
        var sorted = times.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>What a user-verifying authenticator answers: authenticator data, client data and an ES256 signature.</summary>
    private static AuthenticatorAssertionRawResponse Assert(ECDsa key, byte[] challenge, uint counter)
    {
        var authenticatorData = new byte[37];
        SHA256.HashData(Encoding.UTF8.GetBytes(RpId)).CopyTo(authenticatorData, 0);
        authenticatorData[32] = 0x05; // user present, user verified
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(authenticatorData.AsSpan(33), counter);
        var clientData = Encoding.UTF8.GetBytes(
            $"{{\"type\":\"webauthn.get\",\"challenge\":\"{System.Buffers.Text.Base64Url.EncodeToString(challenge)}\",\"origin\":\"{Origin}\",\"crossOrigin\":false}}");
        var signature = key.SignData([.. authenticatorData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var credentialId = new byte[16];
        return new AuthenticatorAssertionRawResponse
        {
            Id = System.Buffers.Text.Base64Url.EncodeToString(credentialId),
            RawId = credentialId,
            Type = PublicKeyCredentialType.PublicKey,
            Response = new AuthenticatorAssertionRawResponse.AssertionResponse
            {
                AuthenticatorData = authenticatorData,
                ClientDataJson = clientData,
                Signature = signature,
                UserHandle = new byte[16],
            },
            ClientExtensionResults = new AuthenticationExtensionsClientOutputs(),
        };
    }

    /// <summary>An ES256 public key as COSE: {1: 2 (EC2), 3: -7 (ES256), -1: 1 (P-256), -2: x, -3: y}.</summary>
    private static byte[] CoseKey(ECParameters parameters) =>
        [0xA5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20, .. parameters.Q.X!, 0x22, 0x58, 0x20, .. parameters.Q.Y!];
}
