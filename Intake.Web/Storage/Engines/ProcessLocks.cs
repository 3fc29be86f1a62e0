namespace Intake.Web.Storage.Engines;

/// <summary>One in-process lock per <see cref="Allocation"/>: on one node, writers queue here before the database.</summary>
internal sealed class ProcessLocks
{
    // Lives as long as the application (a singleton engine's field): never disposed.
    private readonly SemaphoreSlim[] _locks = [new(1, 1), new(1, 1)];

    public SemaphoreSlim For(Allocation allocation) => allocation switch
    {
        Allocation.CaseNumbers => _locks[0],
        Allocation.AuditChain => _locks[1],
        _ => throw new ArgumentOutOfRangeException(nameof(allocation)),
    };
}
