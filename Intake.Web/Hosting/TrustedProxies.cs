using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Intake.Web.Hosting;

/// <summary>
/// Which proxies' <c>X-Forwarded-Proto</c> is believed. Loopback always (a proxy on the same machine); others only
/// when <see cref="IntakeOptions.TrustedProxies"/> names them. The client's address is never wanted, so
/// <c>X-Forwarded-For</c> is not processed at all.
/// </summary>
public static class TrustedProxies
{
    public static void Configure(ForwardedHeadersOptions forwarded, IEnumerable<string> trusted)
    {
        ArgumentNullException.ThrowIfNull(forwarded);
        ArgumentNullException.ThrowIfNull(trusted);
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedProto;
        // A proxy on another host sends the header once; more than one value is not a single proxy's word.
        forwarded.ForwardLimit = 1;
        foreach (var entry in trusted.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()))
        {
            if (entry.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(entry, out var network))
            {
                forwarded.KnownIPNetworks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                forwarded.KnownProxies.Add(address);
            }
            else
            {
                throw new InvalidOperationException(
                    $"Intake:TrustedProxies: \"{entry}\" is neither an address (10.0.0.5) nor a network (10.0.0.0/24).");
            }
        }
    }
}
