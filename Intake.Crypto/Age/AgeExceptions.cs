// Failure classes of the age v1 format (c2sp.org/age). They mirror the expectation
// classes of the C2SP CCTV age test kit: "header failure", "HMAC failure",
// "no match", "payload failure" and "armor failure". Messages never carry key
// material, file keys, passphrases or plaintext.
namespace Intake.Crypto.Age;

/// <summary>Base class of every failure raised while reading or writing an age file.</summary>
public abstract class AgeException : Exception
{
    private protected AgeException(string message)
        : base(message)
    {
    }

    private protected AgeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The header is malformed, uses an unsupported version, or a recipient stanza is invalid.</summary>
public sealed class AgeHeaderException : AgeException
{
    public AgeHeaderException(string message)
        : base(message)
    {
    }

    public AgeHeaderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>A file key was unwrapped but the header MAC does not verify: the header was altered.</summary>
public sealed class AgeHeaderMacException : AgeException
{
    public AgeHeaderMacException(string message)
        : base(message)
    {
    }
}

/// <summary>None of the supplied identities can unwrap any recipient stanza of the file.</summary>
public sealed class AgeNoIdentityMatchException : AgeException
{
    public AgeNoIdentityMatchException(string message)
        : base(message)
    {
    }
}

/// <summary>The encrypted payload is truncated, altered, has trailing data or is otherwise invalid.</summary>
public sealed class AgePayloadException : AgeException
{
    public AgePayloadException(string message)
        : base(message)
    {
    }

    public AgePayloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The ASCII armor around the file is not the strict PEM encoding age requires.</summary>
public sealed class AgeArmorException : AgeException
{
    public AgeArmorException(string message)
        : base(message)
    {
    }
}
