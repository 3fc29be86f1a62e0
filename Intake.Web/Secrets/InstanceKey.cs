using System.Security.Cryptography;
using System.Text;
using Intake.Web.Hosting;

namespace Intake.Web.Secrets;

/// <summary>
/// The instance key: 32 random bytes held outside the data directory and the database (a file named by
/// <c>Intake:InstanceKeyFile</c>, or the systemd credential <c>intake-instance-key</c> in
/// <c>$CREDENTIALS_DIRECTORY</c>). Whoever copies the data directory or reads the database does not have it.
/// From it, HKDF-SHA-256 (RFC 5869) derives one key per purpose, each under its own label: the audit entries'
/// HMAC key and the key that encrypts the Data Protection key ring. The file holds the 32 bytes in base64 on one
/// line (<c>head -c 32 /dev/urandom | base64 &gt; instance.key</c>).
/// </summary>
public sealed class InstanceKey : IDisposable
{
    public const string SettingName = "Intake:InstanceKeyFile";
    public const string CredentialName = "intake-instance-key";
    public const int Size = 32;

    // Salt of every derivation: versions the scheme, so that a future one never yields these keys.
    private const string Salt = "intake.instance-key/v1";

    private readonly byte[] _secret;

    private InstanceKey(byte[] secret, string source)
    {
        _secret = secret;
        Source = source;
    }

    /// <summary>Where the key was read from (a path; never the key).</summary>
    public string Source { get; }

    /// <summary>Whether the file can be read by anyone but its owner (Unix permissions).</summary>
    public bool ReadableByOthers { get; private init; }

    public static InstanceKey FromBytes(ReadOnlySpan<byte> secret, string source = "memory")
    {
        if (secret.Length != Size)
        {
            throw new InstanceKeyException($"The instance key must be {Size} bytes.");
        }

        return new InstanceKey(secret.ToArray(), source);
    }

    /// <summary>
    /// Reads the key named by the configuration, refusing a key that is missing, malformed, or kept inside the
    /// data directory (where every copy of the data would carry it).
    /// </summary>
    public static InstanceKey Load(IConfiguration configuration, DataDirectory data)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(data);
        var path = configuration[SettingName];
        if (string.IsNullOrWhiteSpace(path) && Environment.GetEnvironmentVariable("CREDENTIALS_DIRECTORY") is { Length: > 0 } credentials)
        {
            path = Path.Combine(credentials, CredentialName);
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InstanceKeyException(
                $"No instance key: set {SettingName} to a file outside the data directory holding 32 random bytes in base64 " +
                $"(head -c 32 /dev/urandom | base64 > /etc/intake/instance.key), or pass the systemd credential '{CredentialName}'.");
        }

        var full = Path.GetFullPath(path);
        var root = data.Root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (full.StartsWith(root, StringComparison.Ordinal))
        {
            throw new InstanceKeyException($"The instance key {full} is inside the data directory: keep it elsewhere, so that a copy of the data does not carry it.");
        }

        if (!File.Exists(full))
        {
            throw new InstanceKeyException($"The instance key file {full} does not exist.");
        }

        var text = File.ReadAllText(full, Encoding.ASCII).Trim();
        byte[] secret;
        try
        {
            secret = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new InstanceKeyException($"The instance key file {full} is not base64.");
        }

        if (secret.Length != Size)
        {
            CryptographicOperations.ZeroMemory(secret);
            throw new InstanceKeyException($"The instance key file {full} must hold exactly {Size} bytes.");
        }

        var others = !OperatingSystem.IsWindows() &&
            (File.GetUnixFileMode(full) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) != 0;
        return new InstanceKey(secret, full) { ReadableByOthers = others };
    }

    /// <summary>A key for one purpose: HKDF-SHA-256 with the purpose's own label as info.</summary>
    public byte[] Derive(string label, int length = Size)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, _secret, length, Encoding.ASCII.GetBytes(Salt), Encoding.ASCII.GetBytes(label));
    }

    public void Dispose() => CryptographicOperations.ZeroMemory(_secret);
}

/// <summary>The instance key is missing or unusable; the message says which and what to do.</summary>
public sealed class InstanceKeyException(string message) : Exception(message);
