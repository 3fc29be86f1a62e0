namespace Intake.Web.Storage.Engines;

/// <summary>
/// What is allocated one writer at a time across every application node: the next value depends on the last one
/// committed, so two writers must not read the same last value. Always taken in this order when nested.
/// </summary>
public enum Allocation
{
    /// <summary>Case numbers (channel, year, sequence) and the one-case-per-mailbox check.</summary>
    CaseNumbers = 1,

    /// <summary>The audit chain's next sequence number and previous hash.</summary>
    AuditChain = 2,
}

/// <summary>
/// Holds an <see cref="Allocation"/> until disposed. Work saved inside is committed by <see cref="CommitAsync"/>;
/// disposing without committing takes it back where the engine holds the allocation in a transaction.
/// </summary>
public interface IAllocationScope : IAsyncDisposable
{
    Task CommitAsync(CancellationToken cancellationToken);
}
