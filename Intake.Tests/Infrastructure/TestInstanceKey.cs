namespace Intake.Tests.Infrastructure;

/// <summary>
/// The instance key every test host uses: a fixed 32-byte key in a file outside any data directory, so that a
/// second host over the same data (or a command run against it) reads the same audit chain and key ring.
/// </summary>
public static class TestInstanceKey
{
    public const string Base64 = "aW50YWtlLXRlc3QtaW5zdGFuY2Uta2V5LTMyLWJ5dGU=";

    private static readonly Lazy<string> _path = new(Write);

    /// <summary>The path of the key file, written on first use (the same content in every run).</summary>
    public static string Path => _path.Value;

    /// <summary>Writes another key to a new file in <paramref name="directory"/> and returns its path.</summary>
    public static string WriteRandom(string directory)
    {
        var path = System.IO.Path.Combine(directory, "other-instance.key");
        File.WriteAllText(path, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        return path;
    }

    private static string Write()
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "intake-test-keys");
        Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, "instance.key");
        var temporary = path + "." + Guid.NewGuid().ToString("N");
        File.WriteAllText(temporary, Base64);
        File.Move(temporary, path, overwrite: true);
        return path;
    }
}
