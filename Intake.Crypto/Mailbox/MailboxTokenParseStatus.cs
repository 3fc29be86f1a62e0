// Outcomes of parsing a mailbox token as typed by a person (docs/mailbox-token.md).
namespace Intake.Crypto.Mailbox;

/// <summary>Outcome of <see cref="MailboxToken.TryParse"/>.</summary>
public enum MailboxTokenParseStatus
{
    /// <summary>A valid token.</summary>
    Ok,

    /// <summary>Nothing but whitespace and dashes was entered.</summary>
    Empty,

    /// <summary>Wrong length or a character outside the alphabet.</summary>
    Malformed,

    /// <summary>The check character does not match: almost certainly a typo.</summary>
    CheckCharacterMismatch,
}
