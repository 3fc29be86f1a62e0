using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Intake.Crypto.Age.X25519;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using BcScrypt = Org.BouncyCastle.Crypto.Generators.SCrypt;
using BcX25519 = Org.BouncyCastle.Math.EC.Rfc7748.X25519;

namespace Intake.Tests.Crypto.Conformance;

/// <summary>
/// Builds test-kit files in the C2SP CCTV age layout, byte by byte, so malformed files
/// can be written on purpose. Randomness is a fixed ChaCha20 key stream, so the output
/// is deterministic and the committed kit can be checked against its definitions.
/// </summary>
internal sealed class KitFileBuilder : IDisposable
{
    public static readonly byte[] TestFileKey = Encoding.ASCII.GetBytes("YELLOW SUBMARINE");
    public static readonly byte[] LargeTestFileKey = Convert.FromHexString("7aa5bdac0e6afeed3dd0a7eccb42af44");
    public static readonly byte[] LargeTestNonce = Convert.FromHexString("c82f71eb82029b77136399e485e879f4");
    public static readonly byte[] TestX25519Identity = DecodeIdentity(AgeTestData.KitIdentity);

    private readonly ChaCha7539Engine _random = new();
    private readonly MemoryStream _payload = new();
    private readonly List<string> _identities = [];
    private readonly List<string> _passphrases = [];
    private byte[] _fileKey = TestFileKey;
    private byte[] _streamKey = [];
    private readonly byte[] _nonce = new byte[12];
    private string _expect = "success";
    private string _comment = string.Empty;
    private bool _armor;
    private bool _compress;

    public KitFileBuilder()
    {
        _random.Init(true, new ParametersWithIV(new KeyParameter(Encoding.ASCII.GetBytes("TEST RANDOMNESS TEST RANDOMNESS!")), new byte[12]));
    }

    public MemoryStream Buf { get; } = new();

    public static byte[] Basepoint { get; } = [9, .. new byte[31]];

    private static byte[] DecodeIdentity(string encoded)
    {
        Assert.True(Bech32.TryDecode(encoded, out _, out byte[] data));
        return data;
    }

    public byte[] Rand(int n)
    {
        byte[] output = new byte[n];
        _random.ProcessBytes(new byte[n], 0, n, output, 0);
        return output;
    }

    public void FileKey(byte[] key) => _fileKey = key;

    public void Compress() => _compress = true;

    public void TextLine(string s)
    {
        Buf.Write(Encoding.UTF8.GetBytes(s));
        Buf.WriteByte((byte)'\n');
    }

    public void Raw(string s) => Buf.Write(Encoding.UTF8.GetBytes(s));

    public string UnreadLine()
    {
        byte[] all = Buf.ToArray();
        int end = all.Length > 0 && all[^1] == '\n' ? all.Length - 1 : all.Length;
        int start = end == 0 ? 0 : Array.LastIndexOf(all, (byte)'\n', end - 1) + 1;
        Buf.SetLength(start);
        return Encoding.UTF8.GetString(all, start, end - start);
    }

    public void VersionLine(string v) => TextLine("age-encryption.org/" + v);

    public void ArgsLine(params string[] args) => TextLine(string.Join(' ', ["->", .. args]));

    public string[] UnreadArgsLine()
    {
        string line = UnreadLine();
        return (line.StartsWith("-> ", StringComparison.Ordinal) ? line[3..] : line).Split(' ');
    }

    public static string B64(byte[] data) => Convert.ToBase64String(data).TrimEnd('=');

    public static string NotCanonicalBase64(string s)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        int idx = alphabet.IndexOf(s[^1], StringComparison.Ordinal);
        return s[..^1] + alphabet[idx + 1];
    }

    public void Body(byte[] body)
    {
        int offset = 0;
        while (true)
        {
            int n = Math.Min(48, body.Length - offset);
            TextLine(B64(body[offset..(offset + n)]));
            offset += n;
            if (n < 48)
            {
                return;
            }
        }
    }

    public void Base64Padding()
    {
        string line = UnreadLine();
        int paddingLength = (4 - (line.Length % 4)) % 4;
        TextLine(line + new string('=', paddingLength));
    }

    public void AeadBody(byte[] key, byte[] body)
    {
        using ChaCha20Poly1305 aead = new(key);
        byte[] sealedBody = new byte[body.Length + 16];
        aead.Encrypt(new byte[12], body, sealedBody.AsSpan(0, body.Length), sealedBody.AsSpan(body.Length));
        Body(sealedBody);
    }

    public static byte[] X25519(byte[] scalar, byte[] point)
    {
        byte[] result = new byte[32];
        BcX25519.ScalarMult(scalar, 0, point, 0, result, 0);
        return result;
    }

    public void X25519(byte[] identity)
    {
        X25519RecordIdentity(identity);
        X25519NoRecordIdentity(identity);
    }

    public void X25519RecordIdentity(byte[] identity) => _identities.Add(Bech32.Encode("AGE-SECRET-KEY-", identity, upperCase: true));

    public void X25519NoRecordIdentity(byte[] identity) => X25519Stanza(X25519(Rand(32), Basepoint), identity);

    public void X25519Stanza(byte[] share, byte[] identity, string type = "X25519")
    {
        byte[] recipient = X25519(identity, Basepoint);
        ArgsLine(type, B64(share));
        byte[] secret = X25519(identity, share);
        byte[] key = new byte[32];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, key, [.. share, .. recipient], Encoding.ASCII.GetBytes("age-encryption.org/v1/X25519"));
        AeadBody(key, _fileKey);
    }

    public void Scrypt(string passphrase, int workFactor)
    {
        ScryptRecordPassphrase(passphrase);
        ScryptNoRecordPassphrase(passphrase, workFactor);
    }

    public void ScryptRecordPassphrase(string passphrase) => _passphrases.Add(passphrase);

    public void ScryptNoRecordPassphrase(string passphrase, int workFactor)
    {
        byte[] salt = Rand(16);
        ArgsLine("scrypt", B64(salt), workFactor.ToString(CultureInfo.InvariantCulture));
        byte[] key = BcScrypt.Generate(Encoding.UTF8.GetBytes(passphrase), [.. Encoding.ASCII.GetBytes("age-encryption.org/v1/scrypt"), .. salt], 1 << workFactor, 8, 1, 32);
        AeadBody(key, _fileKey);
    }

    public void HmacLine(byte[] h) => TextLine("--- " + B64(h));

    public void Hmac()
    {
        byte[] key = new byte[32];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _fileKey, key, [], Encoding.ASCII.GetBytes("header"));
        HmacLine(HMACSHA256.HashData(key, (byte[])[.. Buf.ToArray(), .. "---"u8.ToArray()]));
    }

    public void Nonce(byte[] nonce)
    {
        _streamKey = new byte[32];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _fileKey, _streamKey, nonce, Encoding.ASCII.GetBytes("payload"));
        Buf.Write(nonce);
    }

    public void PayloadChunk(byte[] plaintext)
    {
        Seal(plaintext);
        _nonce[10]++;
    }

    public void PayloadChunkFinal(byte[] plaintext)
    {
        _nonce[11] = 1;
        Seal(plaintext);
    }

    private void Seal(byte[] plaintext)
    {
        _payload.Write(plaintext);
        using ChaCha20Poly1305 aead = new(_streamKey);
        byte[] output = new byte[plaintext.Length + 16];
        aead.Encrypt(_nonce, plaintext, output.AsSpan(0, plaintext.Length), output.AsSpan(plaintext.Length));
        Buf.Write(output);
    }

    public void Payload(string plaintext)
    {
        Nonce(Rand(16));
        PayloadChunkFinal(Encoding.UTF8.GetBytes(plaintext));
    }

    public void ExpectHeaderFailure() => _expect = "header failure";

    public void ExpectArmorFailure()
    {
        _armor = true;
        _expect = "armor failure";
    }

    public void ExpectPayloadFailure()
    {
        _expect = "payload failure";
        _payload.SetLength(0);
    }

    public void ExpectPartialPayload(int goodBytes)
    {
        _expect = "payload failure";
        _payload.SetLength(goodBytes);
    }

    public void ExpectHmacFailure() => _expect = "HMAC failure";

    public void ExpectNoMatch() => _expect = "no match";

    public void Comment(string c) => _comment = c;

    public void BeginArmor(string type = "AGE ENCRYPTED FILE")
    {
        _armor = true;
        TextLine("-----BEGIN " + type + "-----");
    }

    public void EndArmor(string type = "AGE ENCRYPTED FILE")
    {
        _armor = true;
        TextLine("-----END " + type + "-----");
    }

    /// <summary>Takes the bytes written so far and clears the buffer (to armor them).</summary>
    public byte[] TakeBytes()
    {
        byte[] file = Buf.ToArray();
        Buf.SetLength(0);
        return file;
    }

    public void Dispose()
    {
        _payload.Dispose();
        Buf.Dispose();
    }

    public byte[] Generate()
    {
        StringBuilder header = new();
        header.Append("expect: ").Append(_expect).Append('\n');
        if (_expect is "success" or "payload failure")
        {
            header.Append("payload: ").Append(Convert.ToHexStringLower(SHA256.HashData(_payload.ToArray()))).Append('\n');
        }

        header.Append("file key: ").Append(Convert.ToHexStringLower(_fileKey)).Append('\n');
        foreach (string id in _identities)
        {
            header.Append("identity: ").Append(id).Append('\n');
        }

        foreach (string p in _passphrases)
        {
            header.Append("passphrase: ").Append(p).Append('\n');
        }

        if (_armor)
        {
            header.Append("armored: yes\n");
        }

        if (_compress)
        {
            header.Append("compressed: zlib\n");
        }

        if (_comment.Length > 0)
        {
            header.Append("comment: ").Append(_comment).Append('\n');
        }

        header.Append('\n');
        byte[] body = Buf.ToArray();
        if (_compress)
        {
            using MemoryStream compressed = new();
            using (ZLibStream z = new(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                z.Write(body);
            }

            body = compressed.ToArray();
        }

        return [.. Encoding.UTF8.GetBytes(header.ToString()), .. body];
    }
}
