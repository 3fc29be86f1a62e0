// A recipient stanza of an age v1 header (c2sp.org/age, "Recipient stanza"):
// "-> " arguments (1*VCHAR each, space separated) and a body of arbitrary bytes,
// wrapped in unpadded base64 at 64 columns.
namespace Intake.Crypto.Age.Header;

internal sealed class Stanza
{
    public Stanza(string[] arguments, byte[] body)
    {
        Arguments = arguments;
        Body = body;
    }

    public string Type => Arguments[0];

    public IReadOnlyList<string> Arguments { get; }

    public byte[] Body { get; }
}
