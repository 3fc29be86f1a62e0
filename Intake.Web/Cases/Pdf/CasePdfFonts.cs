using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Intake.Web.Cases.Pdf;

/// <summary>
/// The fonts the case PDF embeds: Liberation Sans (Debian's <c>fonts-liberation</c>), or DejaVu Sans
/// (<c>fonts-dejavu-core</c>) where Liberation is missing; both cover Swedish and Finnish letters. PDFsharp takes
/// one resolver for the whole process, so this is a single instance installed once.
/// </summary>
public sealed class CasePdfFonts : IFontResolver
{
    public const string Family = "IntakeSans";

    private static readonly (string Regular, string Bold)[] _candidates =
    [
        ("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
        ("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf"),
        ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ];

    private static readonly Lock _install = new();
    private readonly ConcurrentDictionary<string, byte[]> _bytes = new(StringComparer.Ordinal);

    private CasePdfFonts((string Regular, string Bold) files) => Files = files;

    /// <summary>The one resolver of the process, or null when no usable font is installed.</summary>
    public static CasePdfFonts? Installed { get; private set; }

    public (string Regular, string Bold) Files { get; }

    /// <summary>Installs the resolver on first use; false when neither font family is on the machine.</summary>
    public static bool EnsureInstalled()
    {
        lock (_install)
        {
            if (Installed is not null)
            {
                return true;
            }

            foreach (var candidate in _candidates)
            {
                if (File.Exists(candidate.Regular) && File.Exists(candidate.Bold))
                {
                    Installed = new CasePdfFonts(candidate);
                    GlobalFontSettings.FontResolver = Installed;
                    return true;
                }
            }

            return false;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        string.Equals(familyName, Family, StringComparison.Ordinal) ? new FontResolverInfo(bold ? "bold" : "regular") : null;

    public byte[]? GetFont(string faceName) =>
        _bytes.GetOrAdd(faceName, face => File.ReadAllBytes(string.Equals(face, "bold", StringComparison.Ordinal) ? Files.Bold : Files.Regular));
}
