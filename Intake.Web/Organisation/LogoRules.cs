namespace Intake.Web.Organisation;

/// <summary>What a logo may be, and the sanitising that makes an uploaded one safe to serve to every visitor.</summary>
public static class LogoRules
{
    public const int MaxBytes = 256 * 1024;

    public const int MaxDimension = 2000;

    public const string Png = "image/png";

    public const string Svg = "image/svg+xml";

    /// <summary>The sanitised logo and its content type, or the resource key of why it was refused.</summary>
    public static (string? ContentType, byte[]? Content, string? ErrorKey) Sanitize(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0)
        {
            return (null, null, "Admin.Logo.Error.Empty");
        }

        if (bytes.Length > MaxBytes)
        {
            return (null, null, "Admin.Logo.Error.TooLarge");
        }

        if (PngSanitizer.IsPng(bytes))
        {
            return PngSanitizer.Sanitize(bytes) is { } png ? (Png, png, null) : (null, null, "Admin.Logo.Error.Unreadable");
        }

        if (SvgSanitizer.LooksLikeSvg(bytes))
        {
            return SvgSanitizer.Sanitize(bytes) is { } svg ? (Svg, svg, null) : (null, null, "Admin.Logo.Error.Unreadable");
        }

        return (null, null, "Admin.Logo.Error.Format");
    }
}
