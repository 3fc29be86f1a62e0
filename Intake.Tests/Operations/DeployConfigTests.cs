using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Intake.Tests.Operations;

/// <summary>
/// The files an operator installs (ops/deploy) pass the checks of the programs that read them: systemd's, nginx's,
/// Caddy's and Tor's own, run here as the operator would run them.
/// </summary>
public sealed class DeployConfigTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("intake-deploy-").FullName;

    [Fact]
    public void TheSystemdUnit_PassesSystemdAnalyzeVerify()
    {
        var (exitCode, output) = Tool.Run("/usr/bin/systemd-analyze", null, "verify", Tool.Deploy("intake.service"));

        Assert.True(exitCode == 0 && output.Trim().Length == 0, output);
    }

    [Fact]
    public void TheNightlyBackupUnitAndTimer_PassSystemdAnalyzeVerify()
    {
        var (exitCode, output) = Tool.Run("/usr/bin/systemd-analyze", null, "verify", Tool.Deploy("intake-backup.service"), Tool.Deploy("intake-backup.timer"));

        Assert.True(exitCode == 0 && output.Trim().Length == 0, output);
    }

    [Theory]
    [InlineData("NoNewPrivileges=yes")]
    [InlineData("ProtectSystem=strict")]
    [InlineData("PrivateTmp=yes")]
    [InlineData("UMask=0077")]
    [InlineData("LimitCORE=0")]
    [InlineData("RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6")]
    [InlineData("StateDirectory=intake")]
    [InlineData("CapabilityBoundingSet=")]
    [InlineData("User=intake")]
    public void TheSystemdUnit_IsHardened(string directive)
    {
        var lines = File.ReadAllLines(Tool.Deploy("intake.service")).Select(l => l.Trim());

        Assert.Contains(directive, lines);
    }

    [Fact]
    public void TheNginxSite_PassesNginxTest_AndSpoolsNothingToDisk()
    {
        var (certificate, key) = SelfSignedCertificate();
        var site = File.ReadAllText(Tool.Deploy("nginx", "intake.conf"))
            .Replace("/etc/ssl/intake/fullchain.pem", certificate, StringComparison.Ordinal)
            .Replace("/etc/ssl/intake/privkey.pem", key, StringComparison.Ordinal)
            .Replace("/var/log/nginx/intake-error.log", Path.Combine(_dir, "intake-error.log"), StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_dir, "site.conf"), site);
        var main = Path.Combine(_dir, "nginx.conf");
        File.WriteAllText(main, $"pid {_dir}/nginx.pid;\nerror_log {_dir}/error.log;\nevents {{}}\nhttp {{\n    include {_dir}/site.conf;\n}}\n");

        var (exitCode, output) = Tool.Run("/usr/sbin/nginx", null, "-t", "-p", _dir + "/", "-e", Path.Combine(_dir, "error.log"), "-c", main);

        Assert.True(exitCode == 0, output);
        Assert.Contains("proxy_request_buffering off;", site, StringComparison.Ordinal);
        Assert.Contains("proxy_max_temp_file_size 0;", site, StringComparison.Ordinal);
        Assert.Contains("access_log off;", site, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header X-Forwarded-For \"\";", site, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCaddyfile_PassesCaddyValidate()
    {
        var (exitCode, output) = Tool.Run("/usr/bin/caddy", _dir, "validate", "--adapter", "caddyfile", "--config", Tool.Deploy("caddy", "Caddyfile"));

        Assert.True(exitCode == 0, output);
        Assert.Contains("Valid configuration", output, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTorrc_PassesTorVerifyConfig()
    {
        var torrc = File.ReadAllText(Tool.Deploy("tor", "torrc"))
            .Replace("/var/lib/tor/intake/", Path.Combine(_dir, "onion") + "/", StringComparison.Ordinal);
        var path = Path.Combine(_dir, "torrc");
        File.WriteAllText(path, torrc + $"DataDirectory {_dir}/tor-data\n");

        var (exitCode, output) = Tool.Run("/usr/sbin/tor", _dir, "--verify-config", "-f", path);

        Assert.True(exitCode == 0, output);
        Assert.Contains("HiddenServicePort 80 127.0.0.1:5000", torrc, StringComparison.Ordinal);
    }

    private (string Certificate, string Key) SelfSignedCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=visselblasning.example.se", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var certificatePath = Path.Combine(_dir, "fullchain.pem");
        var keyPath = Path.Combine(_dir, "privkey.pem");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
