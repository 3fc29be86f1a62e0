namespace Intake.Tests.Infrastructure;

/// <summary>
/// A round-robin load balancer in memory: each request goes to the next of the application hosts, in turn, as
/// a browser behind a balancer without sticky sessions sees it. <see cref="Served"/> counts each host's requests.
/// </summary>
public sealed class AlternatingNodes : HttpMessageHandler
{
    private readonly HttpMessageInvoker[] _nodes;
    private readonly int[] _served;
    private int _next = -1;

    public AlternatingNodes(params IntakeApplicationFactory[] nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        _nodes = [.. nodes.Select(n => new HttpMessageInvoker(n.Server.CreateHandler(), disposeHandler: true))];
        _served = new int[nodes.Length];
    }

    public IReadOnlyList<int> Served => _served;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var index = (int)((uint)Interlocked.Increment(ref _next) % (uint)_nodes.Length);
        Interlocked.Increment(ref _served[index]);
        return _nodes[index].SendAsync(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var node in _nodes)
            {
                node.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
