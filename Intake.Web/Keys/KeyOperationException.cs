namespace Intake.Web.Keys;

public enum KeyOperationError
{
    NotAHandler,
    NotProposed,
    NotAMember,
    GranterLacksKey,
    WrongRecoveryIdentity,
    NotActivated,
    SecondApproverNeeded,
    LastMember,
    AlreadyPostQuantum,
}

/// <summary>A key operation that cannot be done as asked; the error says why, without any key material.</summary>
public sealed class KeyOperationException : Exception
{
    public KeyOperationException(KeyOperationError error)
        : base("Key operation refused: " + error) => Error = error;

    public KeyOperationException()
        : this(KeyOperationError.NotAMember)
    {
    }

    public KeyOperationException(string message)
        : base(message)
    {
    }

    public KeyOperationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public KeyOperationError Error { get; }
}
