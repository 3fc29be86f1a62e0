using System.Net;
using Intake.Tests.Infrastructure;

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

        var context = await _app.GetFromAsync(proxy, "/healthz", ("X-Forwarded-Proto", "https"));

        Assert.Equal(believed, context.Request.IsHttps);
        Assert.Equal(believed, context.Response.Headers.ContainsKey("Strict-Transport-Security"));
    }

    [Fact]
    public async Task TheClientAddressAProxySends_IsNeverTaken()
    {
        _app.Settings["Intake:TrustedProxies:0"] = "10.0.0.5";

        var context = await _app.GetFromAsync("10.0.0.5", "/healthz", ("X-Forwarded-Proto", "https"), ("X-Forwarded-For", "203.0.113.9"));

        Assert.Equal(IPAddress.Parse("10.0.0.5"), context.Connection.RemoteIpAddress);
    }

    [Fact]
    public async Task WithAnOnionAddress_HttpsPagesSendOnionLocation_AndPlainRequestsDoNot()
    {
        _app.Settings["Intake:OnionAddress"] = Onion.ToUpperInvariant();

        var https = await _app.GetFromAsync("127.0.0.1", "/en/report/whistleblowing", ("X-Forwarded-Proto", "https"));
        var overTheOnion = await _app.GetFromAsync("127.0.0.1", "/en/report/whistleblowing");

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


    private static string Flatten(Exception error) =>
        error.InnerException is null ? error.Message : error.Message + " " + Flatten(error.InnerException);

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
