using System.Net;
using Intake.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace Intake.Tests.Operations;

/// <summary>
/// Behind a reverse proxy Intake takes the scheme (for HSTS and Secure cookies) from <c>X-Forwarded-Proto</c>, but only
/// from loopback and the proxies named in <c>Intake:TrustedProxies</c>; the client's address is never taken. With an
/// onion address set, pages reached over HTTPS name it in <c>Onion-Location</c>.
/// </summary>
public sealed class ReverseProxyTests : IAsyncDisposable
{
    private const string Onion = "pg6mmjiyjmcrsslvykfwnntlaru7p5svn6y2ymmju6nubxndf4pscryd.onion";

    private readonly IntakeApplicationFactory _app = new();

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.0.0.5", true)]
    [InlineData("10.0.1.9", true)]
    [InlineData("192.0.2.44", false)]
    public async Task TheForwardedScheme_IsBelievedFromLoopbackAndTrustedProxiesOnly(string proxy, bool believed)
    {
        _app.Settings["Intake:TrustedProxies:0"] = "10.0.0.5";
        _app.Settings["Intake:TrustedProxies:1"] = "10.0.1.0/24";

        var context = await SendAsync(proxy, "https");

        Assert.Equal(believed, context.Request.IsHttps);
        Assert.Equal(believed, context.Response.Headers.ContainsKey("Strict-Transport-Security"));
    }

    [Fact]
    public async Task TheClientAddressAProxySends_IsNeverTaken()
    {
        _app.Settings["Intake:TrustedProxies:0"] = "10.0.0.5";

        var context = await SendAsync("10.0.0.5", "https", forwardedFor: "203.0.113.9");

        Assert.Equal(IPAddress.Parse("10.0.0.5"), context.Connection.RemoteIpAddress);
    }

    [Fact]
    public async Task WithAnOnionAddress_HttpsPagesSendOnionLocation_AndPlainRequestsDoNot()
    {
        _app.Settings["Intake:OnionAddress"] = Onion.ToUpperInvariant();

        var https = await SendAsync("127.0.0.1", "https", path: "/en/report/whistleblowing");
        var overTheOnion = await SendAsync("127.0.0.1", null, path: "/en/report/whistleblowing");

        Assert.Equal($"http://{Onion}/en/report/whistleblowing", https.Response.Headers["Onion-Location"].ToString());
        Assert.False(overTheOnion.Response.Headers.ContainsKey("Onion-Location"));
    }

    [Theory]
    [InlineData("Intake:OnionAddress", "example.onion")]
    [InlineData("Intake:TrustedProxies:0", "proxy.example.se")]
    public void AMalformedSetting_StopsTheStartWithItsName(string key, string value)
    {
        _app.Settings[key] = value;

        var error = Assert.ThrowsAny<Exception>(() => _app.Server);

        var message = Flatten(error);
        Assert.Contains(string.Join(':', key.Split(':').Take(2)), message, StringComparison.Ordinal);
        Assert.Contains(value, message, StringComparison.Ordinal);
    }

    private async Task<HttpContext> SendAsync(string remote, string? forwardedProto, string path = "/healthz", string? forwardedFor = null) =>
        await _app.Server.SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
            context.Request.Method = "GET";
            context.Request.Path = path;
            if (forwardedProto is not null)
            {
                context.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
            }

            if (forwardedFor is not null)
            {
                context.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }
        });

    private static string Flatten(Exception error) =>
        error.InnerException is null ? error.Message : error.Message + " " + Flatten(error.InnerException);

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
