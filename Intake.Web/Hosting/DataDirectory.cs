namespace Intake.Web.Hosting;

/// <summary>
/// The resolved data directory and the well-known places inside it. Created once at start-up; every component
/// that keeps state asks this class where, so that one setting moves all of it.
/// </summary>
public sealed class DataDirectory
{
    public DataDirectory(string root, string? filesRoot = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
        FilesRoot = string.IsNullOrWhiteSpace(filesRoot) ? Root : Path.GetFullPath(filesRoot);
    }

    public string Root { get; }

    /// <summary>The directory that holds attachments and drafts: the data directory unless configured apart.</summary>
    public string FilesRoot { get; }

    public string KeyRing => Path.Combine(Root, "keys");

    public string Logs => Path.Combine(Root, "logs");

    public string Attachments => Path.Combine(FilesRoot, "attachments");

    /// <summary>Handlers' unsent replies and notes, each an age file sealed to its case's channel.</summary>
    public string Drafts => Path.Combine(FilesRoot, "drafts");

    public string DatabasePath(IntakeOptions options) => Path.Combine(Root, options.DatabaseFileName);

    public static DataDirectory FromConfiguration(IConfiguration configuration)
    {
        var options = configuration.GetSection(IntakeOptions.SectionName).Get<IntakeOptions>() ?? new IntakeOptions();
        return new DataDirectory(options.DataDirectory, options.FilesDirectory);
    }

    /// <summary>
    /// Creates the directory tree and makes everything in it the service account's only, whatever existed before
    /// (a data directory copied or created by hand): directories 0700, files 0600. The process's file mode mask is
    /// set to 077 so that what SQLite, the logger and the key ring create later is private too.
    /// </summary>
    public void EnsureCreated()
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = UnixPermissions.RestrictNewFiles();
        }

        foreach (var directory in new[] { Root, FilesRoot, KeyRing, Logs, Attachments, Drafts })
        {
            if (!Directory.Exists(directory))
            {
                if (OperatingSystem.IsWindows())
                {
                    Directory.CreateDirectory(directory);
                }
                else
                {
                    Directory.CreateDirectory(directory, PrivateDirectory);
                }
            }
        }

        if (!OperatingSystem.IsWindows())
        {
            RestrictExisting();
        }
    }

    private const UnixFileMode PrivateDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private void RestrictExisting()
    {
        foreach (var root in new[] { Root, FilesRoot }.Distinct(StringComparer.Ordinal))
        {
            File.SetUnixFileMode(root, PrivateDirectory);
            foreach (var directory in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories))
            {
                File.SetUnixFileMode(directory, PrivateDirectory);
            }

            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                File.SetUnixFileMode(file, PrivateFile);
            }
        }
    }
}
