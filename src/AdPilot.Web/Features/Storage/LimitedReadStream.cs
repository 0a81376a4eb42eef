namespace AdPilot.Web.Features.Storage;

/// <summary>
/// Reads at most a given number of bytes, then fails: caps chunked bodies that announce no length. With
/// <c>exact</c>, a body that ends short of the limit fails too.
/// </summary>
internal sealed class LimitedReadStream(Stream inner, long limit, bool exact = false) : Stream
{
    private long _read;

    public sealed class TooLargeException() : IOException("The body is larger than allowed.");

    public sealed class TooShortException() : IOException("The body is shorter than declared.");

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Count(int read)
    {
        _read += read;
        if (_read > limit)
        {
            throw new TooLargeException();
        }

        return read == 0 && exact && _read < limit ? throw new TooShortException() : read;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
