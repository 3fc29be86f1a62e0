using System.Globalization;
using System.Net;
using System.Text;
using QRCoder;

namespace Intake.Web.Rendering;

/// <summary>
/// A QR code as inline SVG: one path of dark modules with presentation attributes only, so it renders under a
/// Content-Security-Policy without inline styles and never leaves the page as an image request.
/// </summary>
public static class QrSvg
{
    public static string Render(string payload, string label, int quietZone = 4)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        // QRCoder includes a 4-module quiet zone in the matrix already; add only what is asked beyond it.
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (matrix[y][x])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
                }
            }
        }

        var viewBox = size + (2 * Math.Max(0, quietZone - 4));
        var offset = Math.Max(0, quietZone - 4);
        return string.Create(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" viewBox=\"{-offset} {-offset} {viewBox} {viewBox}\" " +
            $"role=\"img\" aria-label=\"{WebUtility.HtmlEncode(label)}\" shape-rendering=\"crispEdges\">" +
            $"<rect x=\"{-offset}\" y=\"{-offset}\" width=\"{viewBox}\" height=\"{viewBox}\" fill=\"#fff\"/>" +
            $"<path fill=\"#000\" d=\"{path}\"/></svg>");
    }
}
