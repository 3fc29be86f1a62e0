using System.Security.Cryptography;
using Intake.Crypto.Age;

namespace Intake.Tests.Crypto.Conformance;

/// <summary>Runs one test-kit file through the decryptor and compares the outcome.</summary>
internal static class TestKitRunner
{
    public enum Outcome
    {
        Passed,
        Failed,
        Skipped,
    }

    public static (Outcome Outcome, string Detail) Run(KitFile kit)
    {
        if (kit.UnknownKey is not null)
        {
            return (Outcome.Skipped, "unknown key " + kit.UnknownKey);
        }

        List<IIdentity> identities = [];
        try
        {
            foreach (string encoded in kit.Identities)
            {
                identities.Add(encoded.StartsWith(HybridIdentity.Hrp + "1", StringComparison.Ordinal)
                    ? HybridIdentity.Parse(encoded)
                    : X25519Identity.Parse(encoded));
            }

            foreach (string passphrase in kit.Passphrases)
            {
                identities.Add(new ScryptIdentity(passphrase));
            }

            if (identities.Count == 0)
            {
                // The decrypting API needs an identity; one that matches nothing changes no outcome.
                identities.Add(X25519Identity.Generate());
            }

            // Once with the armoring the kit states (as the reference runner does), once with
            // the detection the public API uses: both must give the expected outcome.
            (Outcome outcome, string detail) = Decrypt(kit, identities, kit.Armored);
            if (outcome != Outcome.Passed)
            {
                return (outcome, detail);
            }

            (outcome, detail) = Decrypt(kit, identities, null);
            return outcome == Outcome.Passed ? (outcome, detail) : (outcome, "with armor detection: " + detail);
        }
        finally
        {
            foreach (IIdentity identity in identities)
            {
                ((IDisposable)identity).Dispose();
            }
        }
    }

    private static (Outcome, string) Decrypt(KitFile kit, List<IIdentity> identities, bool? armored)
    {
        byte[] fileKey = new byte[16];
        bool keyKnown = false;
        using MemoryStream released = new();
        string actual;
        try
        {
            using Stream plaintext = AgeDecryptor.Open(new MemoryStream(kit.Contents), identities, leaveOpen: false, armored: armored, fileKeySink: fileKey);
            keyKnown = true;
            byte[] buffer = new byte[8192];
            int n;
            while ((n = plaintext.Read(buffer, 0, buffer.Length)) > 0)
            {
                released.Write(buffer, 0, n);
            }

            actual = "success";
        }
        catch (AgeArmorException)
        {
            actual = "armor failure";
        }
        catch (AgeHeaderMacException)
        {
            actual = "HMAC failure";
            keyKnown = true;
        }
        catch (AgeNoIdentityMatchException)
        {
            actual = "no match";
        }
        catch (AgeHeaderException)
        {
            actual = "header failure";
        }
        catch (AgePayloadException)
        {
            actual = "payload failure";
        }

        if (actual != kit.Expect)
        {
            return (Outcome.Failed, $"expected {kit.Expect}, got {actual}");
        }

        if (kit.PayloadSha256 is not null && actual is "success" or "payload failure"
            && Convert.ToHexStringLower(SHA256.HashData(released.ToArray())) != kit.PayloadSha256)
        {
            return (Outcome.Failed, "released plaintext does not match the payload hash");
        }

        if (keyKnown && kit.FileKeyHex is not null && kit.FileKeyHex.Length == 32 && Convert.ToHexStringLower(fileKey) != kit.FileKeyHex)
        {
            return (Outcome.Failed, "unwrapped file key differs from the file key");
        }

        return (Outcome.Passed, actual);
    }
}
