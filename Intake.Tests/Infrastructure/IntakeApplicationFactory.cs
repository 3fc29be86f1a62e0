using Intake.Web.Hosting;
using Intake.Web.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace Intake.Tests.Infrastructure;

/// <summary>
/// The application as it runs in production (Production environment, real SQLite file, real Data Protection key
/// ring, real logging pipeline) in a data directory of its own, deleted on dispose. Use one per test class
/// (<c>IClassFixture&lt;IntakeApplicationFactory&gt;</c>). Call <see cref="UseKestrelOnLoopback"/> before first use
/// to serve over a real socket at 127.0.0.1 on a free port (browser tests).
/// </summary>
public class IntakeApplicationFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory? _ownedDirectory;

    // Hundreds of test hosts come and go in one process. File watchers for configuration and static files each
    // take an inotify instance (Linux allows 128 per user by default), so tests poll instead.
    static IntakeApplicationFactory() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");

    public IntakeApplicationFactory()
    {
        _ownedDirectory = new TempDirectory("intake-app");
        DataDirectory = _ownedDirectory.Path;
    }

    private IntakeApplicationFactory(string dataDirectory) => DataDirectory = dataDirectory;

    /// <summary>An application over a data directory the caller owns, which outlives the application (for
    /// reading its files after the host stopped, or starting a second host over the same data).</summary>
    public static IntakeApplicationFactory OverDataDirectory(string dataDirectory) => new(dataDirectory);

    public string DataDirectory { get; }

    /// <summary>The instance key file (outside the data directory); a test may point it elsewhere before first use.</summary>
    public string InstanceKeyFile { get; set; } = TestInstanceKey.Path;

    /// <summary>Every log event the application wrote, after its own levels, filters and enrichers.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>The application's clock (TOTP, sessions, throttling, audit times), moved by the test.</summary>
    public ManualClock Clock { get; } = new();

    public const int TestScryptWorkFactor = 10;

    /// <summary>Extra configuration (for example <c>Intake:Mail:Host</c>), applied when the host is built: set before first use.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal);

    public string DatabasePath => Path.Combine(DataDirectory, new IntakeOptions().DatabaseFileName);

    public void UseKestrelOnLoopback() =>
        UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));

    /// <summary>The address Kestrel listens on, after <see cref="UseKestrelOnLoopback"/> and StartServer.</summary>
    public Uri ServerAddress
    {
        get
        {
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
            var address = addresses?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("The server is not listening: call UseKestrelOnLoopback and StartServer first.");
            return new Uri(address.TrimEnd('/') + "/");
        }
    }

    /// <summary>Sets the organisation up with <see cref="StaffWorld.Plan"/> unless it already is (for a fixture shared by a class).</summary>
    public async Task EnsureSetUpAsync()
    {
        await using (var scope = CreateScope())
        {
            if (await CreateDbContext(scope).Channels.AnyAsync())
            {
                return;
            }
        }

        using var world = await StaffWorld.CreateAsync(this);
    }

    /// <summary>
    /// A GET of <paramref name="path"/> over the test server as if it came from <paramref name="remote"/> (a proxy or
    /// a client on another host), with <paramref name="headers"/>; returns the finished request and response.
    /// </summary>
    public Task<Microsoft.AspNetCore.Http.HttpContext> GetFromAsync(string remote, string path, params (string Name, string? Value)[] headers) =>
        Server.SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(remote);
            context.Request.Method = "GET";
            context.Request.Path = path;
            foreach (var (name, value) in headers.Where(h => h.Value is not null))
            {
                context.Request.Headers[name] = value;
            }
        });

    /// <summary>A new scope with the application's services, for arranging and inspecting state.</summary>
    public AsyncServiceScope CreateScope() => Services.CreateAsyncScope();

    public static IntakeDbContext CreateDbContext(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<IntakeDbContext>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("Intake:DataDirectory", DataDirectory);
        builder.UseSetting("Intake:InstanceKeyFile", InstanceKeyFile);
        // A low scrypt work factor keeps sign-in fast in tests; production uses age's default of 18.
        builder.UseSetting("Intake:Keys:ScryptWorkFactor", TestScryptWorkFactor.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Tests send many reports from one client; the flood tests set the report budget they test.
        builder.UseSetting("Intake:Admission:FreeBurst", "100000");
        // Likewise for sign-ins from new browsers, which every test client is; the sign-in proof tests set their own.
        builder.UseSetting("Intake:Keys:FreeSignIns", "100000");
        foreach (var (key, value) in TestDatabase.SettingsFor(DataDirectory))
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILogEventSink>(Logs);
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            DropOwnedDatabase();
            _ownedDirectory?.Dispose();
        }
    }

    private void DropOwnedDatabase()
    {
        if (_ownedDirectory is not null)
        {
            TestDatabase.Drop(DataDirectory);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        DropOwnedDatabase();
        _ownedDirectory?.Dispose();
        GC.SuppressFinalize(this);
    }
}
