using System.Security.Cryptography;
using System.Text.Json;

namespace Intake.Web.Keys.Sessions;

/// <summary>
/// What a <see cref="StaffSession"/> seals: the personal identity (as age writes it) and, for a sign-in waiting for
/// its second factor, the TOTP secret being enrolled, the hybrid identity prepared to replace an older personal key
/// with its passphrase-sealed copy, and the known device the passphrase came from.
/// </summary>
public sealed record SessionSecrets(string Personal)
{
    public byte[]? Enrolment { get; init; }

    public string? UpgradeIdentity { get; init; }

    public byte[]? UpgradeSealed { get; init; }

    public string? DeviceId { get; init; }

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this);

    /// <summary>Reads and wipes <paramref name="bytes"/>.</summary>
    public static SessionSecrets? FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            return JsonSerializer.Deserialize<SessionSecrets>(bytes);
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }
}
