namespace Intake.Web.Accounts;

/// <summary>
/// Caps how many passphrase derivations (scrypt, about a second of CPU and 256 MiB each at the default work
/// factor) run at once across the whole server, so sign-in attempts cannot exhaust CPU or memory. A caller that
/// waits longer than the queue timeout gets a "busy, try again" answer instead of piling up.
/// </summary>
public sealed class PassphraseWorkLimiter : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly TimeSpan _queueTimeout;

    public PassphraseWorkLimiter(int concurrency, TimeSpan queueTimeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        _slots = new SemaphoreSlim(concurrency, concurrency);
        _queueTimeout = queueTimeout;
    }

    /// <summary>Runs <paramref name="work"/> in a slot on a worker thread; false if no slot came free in time.</summary>
    public async Task<(bool Ran, T? Result)> TryRunAsync<T>(Func<T> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!await _slots.WaitAsync(_queueTimeout, cancellationToken))
        {
            return (false, default);
        }

        try
        {
            return (true, await Task.Run(work, cancellationToken));
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
