using System.Text.Json;
using Intake.Web.Audit;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Infrastructure;

/// <summary>
/// One organisation served by several <see cref="IntakeProcess"/> nodes behind a <see cref="RoundRobinProxy"/>, as
/// README "Running on PostgreSQL" describes them: set up once, one database (a SQLite file on one disk is legal
/// too), one instance key, one files directory (attachments, drafts); each node its own data directory (its logs).
/// </summary>
public sealed class IntakeNodes : IAsyncDisposable
{
    public const string Handler = "wb-one";

    private readonly TempDirectory _root;
    private readonly List<IntakeProcess> _nodes = [];
    private IntakeApplicationFactory? _inspector;

    private IntakeNodes(TempDirectory root) => _root = root;

    /// <summary>Where set-up ran: the database (on SQLite its file) and the files directory every node names.</summary>
    public string SharedDirectory => Path.Combine(_root.Path, "shared");

    public IReadOnlyList<IntakeProcess> Nodes => _nodes;

    public RoundRobinProxy Proxy { get; private set; } = null!;

    /// <summary>The activation code set-up printed for each account.</summary>
    public IReadOnlyDictionary<string, string> ActivationCodes { get; private set; } = new Dictionary<string, string>();

    /// <summary>
    /// Sets the organisation up (an administrator, <see cref="Handler"/> for whistleblowing, one for threats) and
    /// starts <paramref name="count"/> nodes with <paramref name="settings"/>, one after the other, then the proxy.
    /// </summary>
    public static async Task<IntakeNodes> StartAsync(int count, params string[] settings)
    {
        var nodes = new IntakeNodes(new TempDirectory("intake-nodes"));
        try
        {
            await nodes.SetUpAsync();
            for (var i = 0; i < count; i++)
            {
                var data = nodes.NodeDirectory(i);
                if (i > 0)
                {
                    nodes.ShareKeyRing(data);
                }

                nodes._nodes.Add(await IntakeProcess.StartNodeAsync(data, nodes.SharedDirectory, [$"--Intake:FilesDirectory={nodes.SharedDirectory}", .. settings]));
            }

            nodes.Proxy = RoundRobinProxy.Start([.. nodes._nodes.Select(n => n.Address)]);
            return nodes;
        }
        catch
        {
            await nodes.DisposeAsync();
            throw;
        }
    }

    /// <summary>A fresh reporter without JavaScript at <paramref name="address"/> (the proxy's, or one node's).</summary>
    public static ReporterClient Reporter(Uri address) => new(address);

    /// <summary>A fresh staff browser through the proxy.</summary>
    public StaffBrowserClient Staff() => StaffBrowserClient.AtAddress(Proxy.Address, SharedDirectory);

    /// <summary>The case numbers in the database, as many as there are cases.</summary>
    public async Task<IReadOnlyList<string>> CaseNumbersAsync()
    {
        await using var scope = Inspector().CreateScope();
        return await IntakeApplicationFactory.CreateDbContext(scope).Cases.AsNoTracking().Select(c => c.CaseNumber).ToListAsync();
    }

    /// <summary>Verifies the audit chain the nodes wrote, with the instance key they share.</summary>
    public async Task<AuditVerification> VerifyAuditAsync()
    {
        await using var scope = Inspector().CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }

        foreach (var node in _nodes)
        {
            node.Dispose();
        }

        if (_inspector is not null)
        {
            await _inspector.DisposeAsync();
        }

        TestDatabase.Drop(SharedDirectory);
        _root.Dispose();
    }

    private string NodeDirectory(int index) => Path.Combine(_root.Path, "node-" + (char)('a' + index));

    private async Task SetUpAsync()
    {
        var setupFile = Path.Combine(_root.Path, "setup.json");
        await File.WriteAllTextAsync(setupFile, JsonSerializer.Serialize(new
        {
            organisationName = "Exempelby kommun",
            administrator = new { username = "admin" },
            channels = new object[]
            {
                new { code = "whistleblowing", handlers = new[] { new { username = Handler } } },
                new { code = "threat", handlers = new[] { new { username = "tv-one" } } },
            },
            recoveryIdentityPath = Path.Combine(_root.Path, "recovery.txt"),
        }));
        var (exit, output) = await IntakeProcess.RunCommandAsync(SharedDirectory, "setup", "--from", setupFile);
        if (exit != 0)
        {
            throw new InvalidOperationException("set-up failed: " + output);
        }

        const string Prefix = "Activation code for ";
        ActivationCodes = output.Split('\n')
            .Where(l => l.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(l => l[Prefix.Length..].Split(": ", 2))
            .ToDictionary(p => p[0], p => p[1].Trim(), StringComparer.Ordinal);
    }

    /// <summary>
    /// On SQLite the Data Protection key ring (cookies, antiforgery tokens) lives in each node's data directory, so
    /// a later node is given the first node's ring before it starts, as an operator copies it; on PostgreSQL every
    /// node reads the one ring in the database, which the first node created.
    /// </summary>
    private void ShareKeyRing(string dataDirectory)
    {
        if (TestDatabase.OnPostgres)
        {
            return;
        }

        var target = Path.Combine(dataDirectory, "keys");
        Directory.CreateDirectory(target);
        foreach (var key in Directory.EnumerateFiles(Path.Combine(NodeDirectory(0), "keys"), "*.xml"))
        {
            File.Copy(key, Path.Combine(target, Path.GetFileName(key)));
        }
    }

    /// <summary>An in-process host over the shared database, to read what the nodes wrote.</summary>
    private IntakeApplicationFactory Inspector() => _inspector ??= IntakeApplicationFactory.OverDataDirectory(SharedDirectory);
}
