using System.Runtime.InteropServices;

namespace Intake.Web.Hosting;

/// <summary>The process's file mode creation mask (umask(2)): 077, so every new file and directory is private.</summary>
internal static class UnixPermissions
{
    private const uint OthersAndGroup = 0x3F; // 077

    /// <summary>Sets the mask to 077 and returns the previous one.</summary>
    public static uint RestrictNewFiles() => Umask(OthersAndGroup);

    // umask cannot fail and takes and returns a plain integer: no marshalling beyond the value itself.
    [DllImport("libc", EntryPoint = "umask")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint Umask(uint mask);
}
