using System.IO.Compression;
using System.Text;

namespace Intake.Tests.Crypto.Conformance;

/// <summary>One test-kit file in the C2SP CCTV age layout: "key: value" lines, a blank line, the age file.</summary>
internal sealed class KitFile
{
    public required string Name { get; init; }

    public string Expect { get; private set; } = string.Empty;

    public string? PayloadSha256 { get; private set; }

    public string? FileKeyHex { get; private set; }

    public List<string> Identities { get; } = [];

    public List<string> Passphrases { get; } = [];

    public bool Armored { get; private set; }

    public string? UnknownKey { get; private set; }

    public byte[] Contents { get; private set; } = [];

    public static KitFile Parse(string name, byte[] raw)
    {
        KitFile kit = new() { Name = name };
        int offset = 0;
        bool compressed = false;
        while (true)
        {
            int end = Array.IndexOf(raw, (byte)'\n', offset);
            if (end < 0)
            {
                throw new InvalidDataException($"{name}: no blank line before the age file");
            }

            string line = Encoding.UTF8.GetString(raw, offset, end - offset);
            offset = end + 1;
            if (line.Length == 0)
            {
                break;
            }

            int colon = line.IndexOf(": ", StringComparison.Ordinal);
            string key = colon < 0 ? line : line[..colon];
            string value = colon < 0 ? string.Empty : line[(colon + 2)..];
            switch (key)
            {
                case "expect":
                    kit.Expect = value;
                    break;
                case "payload":
                    kit.PayloadSha256 = value;
                    break;
                case "file key":
                    kit.FileKeyHex = value;
                    break;
                case "identity":
                    kit.Identities.Add(value);
                    break;
                case "passphrase":
                    kit.Passphrases.Add(value);
                    break;
                case "armored":
                    kit.Armored = value == "yes";
                    break;
                case "compressed":
                    compressed = true;
                    if (value != "zlib")
                    {
                        kit.UnknownKey = "compressed: " + value;
                    }

                    break;
                case "comment":
                    break;
                default:
                    kit.UnknownKey ??= key;
                    break;
            }
        }

        byte[] contents = raw[offset..];
        if (compressed && kit.UnknownKey is null)
        {
            using ZLibStream z = new(new MemoryStream(contents), CompressionMode.Decompress);
            using MemoryStream output = new();
            z.CopyTo(output);
            contents = output.ToArray();
        }

        kit.Contents = contents;
        return kit;
    }
}
