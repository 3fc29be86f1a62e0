using Intake.Tests.Infrastructure;

namespace Intake.Tests.Web.Foundation;

public sealed class SecurityHeadersTests(IntakeApplicationFactory app) : IClassFixture<IntakeApplicationFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/en/")]
    [InlineData("/healthz")]
    [InlineData("/css/site.css")]
    [InlineData("/no-such-page")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("http", csp, StringComparison.Ordinal);
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        var permissions = Header(response, "Permissions-Policy");
        Assert.Contains("camera=()", permissions, StringComparison.Ordinal);
        Assert.Contains("microphone=()", permissions, StringComparison.Ordinal);
        Assert.Contains("geolocation=()", permissions, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Theory]
    [InlineData("/", false)]
    [InlineData("/report/whistleblowing", false)]
    [InlineData("/mailbox", false)]
    [InlineData("/Staff/SignIn", true)]
    [InlineData("/en/Staff/SignIn", true)]
    [InlineData("/fi/Staff/SignIn", true)]
    public async Task Passkeys_AreAllowedOnStaffPagesOnly_AndOnlyForTheirOwnOrigin(string path, bool staff)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        var permissions = Header(response, "Permissions-Policy");
        if (staff)
        {
            Assert.Contains("publickey-credentials-get=(self)", permissions, StringComparison.Ordinal);
            Assert.Contains("publickey-credentials-create=(self)", permissions, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("publickey-credentials-get=()", permissions, StringComparison.Ordinal);
            Assert.DoesNotContain("(self)", permissions, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PlainHttp_HasNoHsts()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Https_HasHsts()
    {
        using var client = app.CreateClient(new() { BaseAddress = new Uri("https://localhost/") });
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.StartsWith("max-age=", Header(response, "Strict-Transport-Security"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_AreNeverCached()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task StaticAssets_MayBeCached()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/css/site.css", UriKind.Relative));

        Assert.False(response.Headers.CacheControl?.NoStore ?? false);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
    }

    private static string Header(HttpResponseMessage response, string name)
    {
        if (response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values))
        {
            return string.Join(", ", values);
        }

        throw new Xunit.Sdk.XunitException($"Header {name} missing on {response.RequestMessage?.RequestUri}");
    }
}
