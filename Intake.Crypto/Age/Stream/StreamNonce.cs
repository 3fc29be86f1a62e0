// The STREAM nonce of the age v1 payload (c2sp.org/age, "Payload"): 12 bytes, the
// first 11 a big-endian chunk counter starting at zero, the last 0x01 for the final
// chunk and 0x00 otherwise.
using System.Buffers.Binary;

namespace Intake.Crypto.Age.Payload;

internal struct StreamNonce
{
    public const int Size = 12;

    private ulong _counter;

    public readonly bool IsFirst => _counter == 0;

    public readonly void Write(Span<byte> nonce, bool last)
    {
        nonce[..3].Clear();
        BinaryPrimitives.WriteUInt64BigEndian(nonce[3..11], _counter);
        nonce[11] = last ? (byte)1 : (byte)0;
    }

    public void Increment()
    {
        _counter = checked(_counter + 1);
    }
}
