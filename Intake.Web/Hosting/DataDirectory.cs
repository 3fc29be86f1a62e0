namespace Intake.Web.Hosting;

/// <summary>
/// The resolved data directory and the well-known places inside it. Created once at start-up; every component
/// that keeps state asks this class where, so that one setting moves all of it.
/// </summary>
public sealed class DataDirectory
{
    public DataDirectory(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public string KeyRing => Path.Combine(Root, "keys");

    public string Logs => Path.Combine(Root, "logs");

    public string Attachments => Path.Combine(Root, "attachments");

    public string DatabasePath(IntakeOptions options) => Path.Combine(Root, options.DatabaseFileName);

    public static DataDirectory FromConfiguration(IConfiguration configuration)
    {
        var options = configuration.GetSection(IntakeOptions.SectionName).Get<IntakeOptions>() ?? new IntakeOptions();
        return new DataDirectory(options.DataDirectory);
    }

    /// <summary>Creates the directory tree with permissions for the service account only.</summary>
    public void EnsureCreated()
    {
        foreach (var directory in new[] { Root, KeyRing, Logs, Attachments })
        {
            if (!Directory.Exists(directory))
            {
                if (OperatingSystem.IsWindows())
                {
                    Directory.CreateDirectory(directory);
                }
                else
                {
                    Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
            }
        }
    }
}
