using AdPilot.Core.Tests.Support;
using AdPilot.Core.Storage;

namespace AdPilot.Core.Tests.Export;

/// <summary>
/// A store for the large-export test: objects under <c>big/</c> are generated on read (their bytes never exist in
/// memory at once), uploads are read to the end and only counted, everything else goes to <paramref name="inner"/>.
/// </summary>
internal sealed class SyntheticStorage(IObjectStorage inner, long bytesPerObject) : IObjectStorage
{
    public long UploadedBytes { get; private set; }

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken ct = default)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(buffer, ct)) > 0)
        {
            UploadedBytes += read;
        }
    }

    public Task<Stream?> GetAsync(string key, CancellationToken ct = default) =>
        key.StartsWith("big/", StringComparison.Ordinal) ? Task.FromResult<Stream?>(new PatternStream(bytesPerObject)) : inner.GetAsync(key, ct);

    public Task<StoredObject?> StatAsync(string key, CancellationToken ct = default) => inner.StatAsync(key, ct);
    public Task<bool> ExistsAsync(string key, CancellationToken ct = default) => inner.ExistsAsync(key, ct);
    public Task DeleteAsync(string key, CancellationToken ct = default) => inner.DeleteAsync(key, ct);
    public string PresignedPutUrl(string key, string contentType, long contentLength, TimeSpan expiresIn) => inner.PresignedPutUrl(key, contentType, contentLength, expiresIn);
    public IAsyncEnumerable<ListedObject> ListOlderThanAsync(string prefix, DateTimeOffset before, CancellationToken ct = default) => inner.ListOlderThanAsync(prefix, before, ct);
    public string SignedGetUrl(string key, TimeSpan expiresIn) => inner.SignedGetUrl(key, expiresIn);
    public string PublicUrl(string key) => inner.PublicUrl(key);

    /// <summary>A read-only stream of <paramref name="length"/> bytes of a repeating pattern.</summary>
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
            var n = (int)Math.Min(count, length - _position);
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = (byte)((_position + i) * 31 % 251);
            }

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
}
