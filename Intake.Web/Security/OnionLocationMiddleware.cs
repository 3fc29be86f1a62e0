using System.Text.RegularExpressions;
using Intake.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Intake.Web.Security;

/// <summary>
/// When the service also runs as a Tor onion service (<see cref="IntakeOptions.OnionAddress"/>), pages reached over
/// HTTPS name their onion address in <c>Onion-Location</c>, so Tor Browser offers to switch to it
/// (docs/operations.md). Requests that came over the onion service itself are left alone.
/// </summary>
public sealed partial class OnionLocationMiddleware(RequestDelegate next, IOptions<IntakeOptions> options)
{
    private readonly string? _onion = Validate(options.Value.OnionAddress);

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_onion is not null && context.Request.IsHttps)
        {
            var request = context.Request;
            context.Response.Headers["Onion-Location"] = $"http://{_onion}{request.PathBase}{request.Path}{request.QueryString}";
        }

        return next(context);
    }

    /// <summary>The address in lower case, or null when none is set; a malformed one stops the start.</summary>
    public static string? Validate(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        var onion = address.Trim().ToLowerInvariant();
        return OnionV3().IsMatch(onion)
            ? onion
            : throw new InvalidOperationException(
                $"Intake:OnionAddress: \"{address}\" is not a version 3 onion address (56 characters a-z and 2-7, then .onion).");
    }

    [GeneratedRegex("^[a-z2-7]{56}\\.onion$", RegexOptions.CultureInvariant)]
    private static partial Regex OnionV3();
}
