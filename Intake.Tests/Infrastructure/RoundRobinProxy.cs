using System.Net;
using System.Net.Sockets;

namespace Intake.Tests.Infrastructure;

/// <summary>
/// A TCP load balancer on a free loopback port: each new connection goes to the next of the backends in turn, and
/// a backend that refuses the connection (a node that died) is skipped for the next one, as a balancer with
/// health checks does. Bytes are relayed both ways until each side has closed; when one side fails, the other is
/// closed too, so a client whose node was killed sees its request fail rather than hang.
/// </summary>
/// <remarks>
/// Per connection, not per request: no HTTP is parsed, so what is measured through it is the nodes, not a proxy's
/// HTTP stack, and what it forwards is exactly what the client sent. A client that wants each request balanced
/// sends <c>Connection: close</c> (a fresh connection per request, as <see cref="ReporterClient"/> and
/// <see cref="StaffBrowserClient"/> do through <see cref="IntakeNodes"/>); a client that keeps its connections alive
/// is balanced per connection, as behind HAProxy in TCP mode.
/// </remarks>
public sealed class RoundRobinProxy : IAsyncDisposable
{
    private static readonly TimeSpan _connectTimeout = TimeSpan.FromSeconds(5);

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint[] _backends;
    private readonly int[] _served;
    private readonly CancellationTokenSource _stop = new();
    private readonly HashSet<Task> _connections = [];
    private readonly Task _accepting;
    private int _next = -1;

    private RoundRobinProxy(IPEndPoint[] backends)
    {
        _backends = backends;
        _served = new int[backends.Length];
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync(_stop.Token);
    }

    /// <summary>Where clients connect.</summary>
    public Uri Address { get; }

    /// <summary>Connections relayed to each backend so far, in the order the backends were given.</summary>
    public IReadOnlyList<int> Served => _served;

    /// <summary>Starts relaying to the loopback or IP addresses <paramref name="backends"/> (<c>http://127.0.0.1:5001/</c>).</summary>
    public static RoundRobinProxy Start(params Uri[] backends)
    {
        ArgumentNullException.ThrowIfNull(backends);
        ArgumentOutOfRangeException.ThrowIfZero(backends.Length);
        return new RoundRobinProxy([.. backends.Select(b => new IPEndPoint(IPAddress.Parse(b.Host), b.Port))]);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Task[] open;
        lock (_connections)
        {
            open = [.. _connections, _accepting];
        }

        await Task.WhenAll(open);
        _stop.Dispose();
    }

    private async Task AcceptAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(stop);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var relay = RelayAsync(client, stop);
            lock (_connections)
            {
                _connections.Add(relay);
            }

            _ = relay.ContinueWith(done =>
            {
                lock (_connections)
                {
                    _connections.Remove(done);
                }
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task RelayAsync(Socket client, CancellationToken stop)
    {
        await Task.Yield();
        using (client)
        using (var backend = await ConnectAsync(stop))
        {
            if (backend is null)
            {
                // Every backend refused: the client's connection is closed unanswered.
                return;
            }

            using var connection = CancellationTokenSource.CreateLinkedTokenSource(stop);
            await Task.WhenAll(PumpAsync(client, backend, connection), PumpAsync(backend, client, connection));
        }
    }

    /// <summary>A connection to the next backend that accepts one, or null when none does.</summary>
    private async Task<Socket?> ConnectAsync(CancellationToken stop)
    {
        // This connection's turn, then each other backend once: other connections take turns meanwhile.
        var turn = (uint)Interlocked.Increment(ref _next);
        for (var attempt = 0u; attempt < _backends.Length; attempt++)
        {
            var index = (int)((turn + attempt) % (uint)_backends.Length);
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
                timeout.CancelAfter(_connectTimeout);
                await socket.ConnectAsync(_backends[index], timeout.Token);
                Interlocked.Increment(ref _served[index]);
                return socket;
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException)
            {
                socket.Dispose();
                if (stop.IsCancellationRequested)
                {
                    return null;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Copies <paramref name="from"/> to <paramref name="to"/> until <paramref name="from"/> closes its side (then
    /// closes the same side of <paramref name="to"/>), or until either fails (then ends the whole connection).
    /// </summary>
    private static async Task PumpAsync(Socket from, Socket to, CancellationTokenSource connection)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, connection.Token);
                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, connection.Token);
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            await connection.CancelAsync();
        }
    }
}
