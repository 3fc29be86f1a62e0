using Intake.Crypto.Age;

namespace Intake.Tests.Crypto;

/// <summary>Streaming behaviour: truncation, partial release, tampering and flat memory.</summary>
public sealed class AgeStreamingTests
{
    private static byte[] ReadAll(Stream stream)
    {
        using MemoryStream output = new();
        stream.CopyTo(output);
        return output.ToArray();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(65_536 + 16)]
    [InlineData(65_536 + 17)]
    [InlineData(2 * (65_536 + 16))]
    public void OpenRead_TruncatedPayload_ThrowsPayloadExceptionNeverEof(int cut)
    {
        using X25519Identity identity = X25519Identity.Generate();
        byte[] file = AgeTestData.EncryptTo(identity, AgeTestData.RandomBytes(3 * 65_536, 5));
        byte[] truncated = file[..^cut];

        using Stream reading = AgeFile.OpenRead(new MemoryStream(truncated), [identity]);

        Assert.Throws<AgePayloadException>(() => ReadAll(reading));
    }

    [Fact]
    public void OpenRead_TruncatedAtChunkBoundary_ReleasesOnlyVerifiedChunks()
    {
        using X25519Identity identity = X25519Identity.Generate();
        byte[] plaintext = AgeTestData.RandomBytes(3 * 65_536, 6);
        byte[] file = AgeTestData.EncryptTo(identity, plaintext);
        byte[] truncated = file[..^(65_536 + 16)];
        using Stream reading = AgeFile.OpenRead(new MemoryStream(truncated), [identity]);
        using MemoryStream released = new();
        byte[] buffer = new byte[4096];

        Assert.Throws<AgePayloadException>(() =>
        {
            int n;
            while ((n = reading.Read(buffer, 0, buffer.Length)) > 0)
            {
                released.Write(buffer, 0, n);
            }
        });
        Assert.Equal(plaintext[..(2 * 65_536)], released.ToArray());
    }

    [Fact]
    public void OpenRead_TruncatedWithLargeReads_ReleasesOnlyVerifiedChunks()
    {
        using X25519Identity identity = X25519Identity.Generate();
        byte[] plaintext = AgeTestData.RandomBytes(3 * 65_536, 7);
        byte[] file = AgeTestData.EncryptTo(identity, plaintext);
        using Stream reading = AgeFile.OpenRead(new MemoryStream(file[..^(65_536 + 16)]), [identity]);
        byte[] buffer = new byte[100_000];

        Assert.Equal(65_536, reading.Read(buffer, 0, buffer.Length));
        Assert.Equal(plaintext[..65_536], buffer[..65_536]);
        Assert.Equal(65_536, reading.Read(buffer, 0, buffer.Length));
        Assert.Throws<AgePayloadException>(() => reading.Read(buffer, 0, buffer.Length));
    }

    [Fact]
    public void OpenRead_TamperedChunkWithLargeRead_LeavesNoPlaintextInBuffer()
    {
        using X25519Identity identity = X25519Identity.Generate();
        byte[] file = AgeTestData.EncryptTo(identity, AgeTestData.RandomBytes(65_536, 8));
        file[^40] ^= 1;
        using Stream reading = AgeFile.OpenRead(new MemoryStream(file), [identity]);
        byte[] buffer = new byte[70_000];
        Array.Fill(buffer, (byte)0xAA);

        Assert.Throws<AgePayloadException>(() => reading.Read(buffer, 0, buffer.Length));
        Assert.Equal(new byte[65_536], buffer[..65_536]);
    }

    [Fact]
    public void OpenRead_AfterFailure_KeepsThrowing()
    {
        using X25519Identity identity = X25519Identity.Generate();
        byte[] file = AgeTestData.EncryptTo(identity, new byte[10]);
        using Stream reading = AgeFile.OpenRead(new MemoryStream(file[..^1]), [identity]);
        byte[] buffer = new byte[100];

        Assert.Throws<AgePayloadException>(() => reading.Read(buffer, 0, buffer.Length));
        Assert.Throws<AgePayloadException>(() => reading.Read(buffer, 0, buffer.Length));
    }

    [Fact]
    public async Task OpenRead_TruncatedReadAsync_ThrowsPayloadException()
    {
        using X25519Identity identity = X25519Identity.Generate();
        byte[] file = AgeTestData.EncryptTo(identity, new byte[70_000]);
        await using Stream reading = AgeFile.OpenRead(new MemoryStream(file[..^5]), [identity]);

        await Assert.ThrowsAsync<AgePayloadException>(() => reading.CopyToAsync(Stream.Null));
    }

    [Fact]
    public async Task OpenReadAsync_ArmoredFile_ReturnsPlaintext()
    {
        using X25519Identity identity = X25519Identity.Generate();
        byte[] plaintext = AgeTestData.RandomBytes(100_000, 13);
        byte[] file = AgeTestData.EncryptTo(identity, plaintext, armor: true);
        using MemoryStream output = new();

        await using (Stream reading = await AgeFile.OpenReadAsync(new MemoryStream(file), [identity]))
        {
            await reading.CopyToAsync(output);
        }

        Assert.Equal(plaintext, output.ToArray());
    }

    [Fact]
    public async Task OpenReadAsync_WrongIdentity_ThrowsWhenOpened()
    {
        using X25519Identity identity = X25519Identity.Generate();
        using X25519Identity other = X25519Identity.Generate();
        byte[] file = AgeTestData.EncryptTo(identity, new byte[10]);

        await Assert.ThrowsAsync<AgeNoIdentityMatchException>(() => AgeFile.OpenReadAsync(new MemoryStream(file), [other]));
    }

    [Fact]
    public void OpenRead_WrongIdentity_ThrowsWhenOpened()
    {
        using X25519Identity identity = X25519Identity.Generate();
        using X25519Identity other = X25519Identity.Generate();
        byte[] file = AgeTestData.EncryptTo(identity, new byte[10]);

        Assert.Throws<AgeNoIdentityMatchException>(() => AgeFile.OpenRead(new MemoryStream(file), [other]));
    }

    [Fact]
    public void Tamper_EveryByteFlipped_FailsWithRegionClass()
    {
        using X25519Identity identity = X25519Identity.Generate();
        byte[] file = AgeTestData.EncryptTo(identity, AgeTestData.RandomBytes(300, 8));
        int headerEnd = file.AsSpan().IndexOf("\n---"u8) + 1;
        int payloadStart = file.AsSpan(headerEnd).IndexOf((byte)'\n') + headerEnd + 1;
        List<string> problems = [];

        for (int i = 0; i < file.Length; i++)
        {
            byte[] tampered = (byte[])file.Clone();
            tampered[i] ^= 0x01;
            Type? failure = null;
            try
            {
                AgeFile.Decrypt(tampered, [identity]);
            }
            catch (AgeException ex)
            {
                failure = ex.GetType();
            }

            bool ok = i < payloadStart
                ? failure == typeof(AgeHeaderException) || failure == typeof(AgeHeaderMacException) || failure == typeof(AgeNoIdentityMatchException)
                : failure == typeof(AgePayloadException);
            if (!ok)
            {
                problems.Add($"byte {i}: {failure?.Name ?? "success"}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("; ", problems));
    }

    [Fact]
    public void OpenWrite_128MiBStream_AllocatesUnder32MiB()
    {
        using X25519Identity identity = X25519Identity.Generate();
        const long size = 128L * 1024 * 1024;
        using PatternStream source = new(size);
        long before = GC.GetAllocatedBytesForCurrentThread();
        using CountingStream sink = new();
        using (Stream sealing = AgeFile.OpenWrite(sink, [identity.Recipient], leaveOpen: true))
        {
            byte[] buffer = new byte[81_920];
            int n;
            while ((n = source.Read(buffer, 0, buffer.Length)) > 0)
            {
                sealing.Write(buffer, 0, n);
            }
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(sink.Count > size);
        Assert.True(allocated < 32L * 1024 * 1024, $"allocated {allocated} bytes");
    }

    [Fact]
    public void Decrypt_128MiBStream_AllocatesUnder32MiB()
    {
        using X25519Identity identity = X25519Identity.Generate();
        const long size = 128L * 1024 * 1024;
        using FileStream temp = new(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.DeleteOnClose);
        using (PatternStream source = new(size))
        {
            AgeFile.Encrypt(source, temp, [identity.Recipient]);
        }

        temp.Position = 0;
        long before = GC.GetAllocatedBytesForCurrentThread();
        using CountingStream sink = new();
        AgeFile.Decrypt(temp, sink, [identity]);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(size, sink.Count);
        Assert.True(allocated < 32L * 1024 * 1024, $"allocated {allocated} bytes");
    }

    /// <summary>A readable stream of a fixed length of pattern bytes, without buffering it.</summary>
    private sealed class PatternStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = (int)Math.Min(count, length - _position);
            buffer.AsSpan(offset, n).Fill((byte)(_position / 65_536));
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A write sink that only counts bytes.</summary>
    private sealed class CountingStream : Stream
    {
        public long Count { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Count;

        public override long Position { get => Count; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Count += count;

        public override void Write(ReadOnlySpan<byte> buffer) => Count += buffer.Length;
    }
}
