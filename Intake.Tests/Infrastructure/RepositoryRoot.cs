namespace Intake.Tests.Infrastructure;

/// <summary>The checkout's root folder (the one holding Intake.sln), found from the test assembly's location.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Intake.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName
            ?? throw new InvalidOperationException("Intake.sln not found above " + AppContext.BaseDirectory);
    }
}
