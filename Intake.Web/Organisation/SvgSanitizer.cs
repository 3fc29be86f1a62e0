using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Intake.Web.Organisation;

/// <summary>
/// Rebuilds an SVG from an allow-list of drawing elements and presentation attributes: no script, no event
/// handler, no style sheet, no foreign object, no image, no link, and no reference that leaves the document
/// (<c>href</c> and <c>url()</c> only to <c>#id</c>). The parser refuses DTDs, so no entity can expand or fetch.
/// </summary>
internal static partial class SvgSanitizer
{
    private static readonly XNamespace _svg = "http://www.w3.org/2000/svg";
    private static readonly XNamespace _xlink = "http://www.w3.org/1999/xlink";

    private static readonly HashSet<string> _elements = new(StringComparer.Ordinal)
    {
        "svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "defs",
        "linearGradient", "radialGradient", "stop", "title", "desc", "clipPath", "mask", "symbol", "use",
    };

    private static readonly HashSet<string> _attributes = new(StringComparer.Ordinal)
    {
        "id", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "width", "height", "viewBox",
        "preserveAspectRatio", "d", "points", "transform", "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width",
        "stroke-opacity", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset",
        "opacity", "offset", "stop-color", "stop-opacity", "gradientUnits", "gradientTransform", "spreadMethod",
        "clip-path", "clip-rule", "clipPathUnits", "mask", "maskUnits", "font-family", "font-size", "font-weight",
        "font-style", "text-anchor", "dominant-baseline", "letter-spacing", "visibility", "display", "version", "href",
    };

    public static bool LooksLikeSvg(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 512)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return head.StartsWith("<?xml", StringComparison.Ordinal) || head.StartsWith("<svg", StringComparison.Ordinal);
    }

    public static byte[]? Sanitize(ReadOnlySpan<byte> bytes)
    {
        XDocument source;
        try
        {
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersInDocument = LogoRules.MaxBytes * 2L,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
            };
            using var stream = new MemoryStream(bytes.ToArray());
            using var reader = XmlReader.Create(stream, settings);
            source = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }

        if (source.Root is not { } root || root.Name != _svg + "svg")
        {
            return null;
        }

        var clean = Copy(root, depth: 0);
        var output = new XDocument(clean);
        return Encoding.UTF8.GetBytes(output.ToString(SaveOptions.DisableFormatting));
    }

    private static XElement Copy(XElement element, int depth)
    {
        var copy = new XElement(_svg + element.Name.LocalName);
        foreach (var attribute in element.Attributes())
        {
            if (Allowed(attribute) is { } kept)
            {
                copy.Add(kept);
            }
        }

        foreach (var node in element.Nodes())
        {
            if (node is XElement child && child.Name.Namespace == _svg && _elements.Contains(child.Name.LocalName) && depth < 32)
            {
                copy.Add(Copy(child, depth + 1));
            }
            else if (node is XText text && element.Name.LocalName is "text" or "tspan" or "title" or "desc")
            {
                copy.Add(new XText(text.Value));
            }
        }

        return copy;
    }

    private static XAttribute? Allowed(XAttribute attribute)
    {
        if (attribute.IsNamespaceDeclaration)
        {
            return null;
        }

        var name = attribute.Name;
        var local = name.LocalName;
        var inNoNamespace = name.Namespace == XNamespace.None;
        if (!(inNoNamespace && _attributes.Contains(local)) && !(name.Namespace == _xlink && local == "href"))
        {
            return null;
        }

        var value = attribute.Value;
        if (local == "href")
        {
            return LocalReference().IsMatch(value) ? new XAttribute("href", value) : null;
        }

        if (value.Contains("url(", StringComparison.OrdinalIgnoreCase) && !OnlyLocalUrls().IsMatch(value))
        {
            return null;
        }

        return UnsafeScheme().IsMatch(value) ? null : new XAttribute(local, value);
    }

    [GeneratedRegex(@"^#[A-Za-z_][A-Za-z0-9_.\-]*$")]
    private static partial Regex LocalReference();

    [GeneratedRegex(@"^(?:[^u]|u(?!rl\())*(?:url\(\s*#[A-Za-z_][A-Za-z0-9_.\-]*\s*\)(?:[^u]|u(?!rl\())*)*$", RegexOptions.IgnoreCase)]
    private static partial Regex OnlyLocalUrls();

    [GeneratedRegex(@"(?:javascript|data|vbscript|https?|file)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex UnsafeScheme();
}
