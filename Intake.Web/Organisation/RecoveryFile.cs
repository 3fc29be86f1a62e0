using System.Globalization;
using Intake.Crypto.Age;

namespace Intake.Web.Organisation;

/// <summary>
/// The recovery identity as an age identity file (the format <c>age-keygen</c> writes), so that
/// <c>age -d -i recovery.txt</c> opens any channel key wrap with it.
/// </summary>
public static class RecoveryFile
{
    public static string Format(IKeyIdentity identity, string organisation, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return string.Create(CultureInfo.InvariantCulture,
            $"# Intake recovery identity for {organisation}\n# created: {created:yyyy-MM-ddTHH:mm:ssZ}\n# public key: {identity.PublicRecipient}\n{identity.ExportSecretKey()}\n");
    }

    /// <summary>Writes a new file readable by its owner only; refuses to overwrite.</summary>
    public static async Task WriteAsync(string path, IKeyIdentity identity, string organisation)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var stream = new FileStream(path, options);
        await using var writer = new StreamWriter(stream);
        await writer.WriteAsync(Format(identity, organisation, DateTimeOffset.UtcNow));
    }
}
