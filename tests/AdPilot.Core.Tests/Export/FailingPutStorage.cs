using AdPilot.Core.Tests.Support;
using AdPilot.Core.Storage;

namespace AdPilot.Core.Tests.Export;

/// <summary>A store whose uploads fail (an outage), reads and the rest pass through.</summary>
internal sealed class FailingPutStorage(IObjectStorage inner) : IObjectStorage
{
    public Task PutAsync(string key, Stream content, string contentType, CancellationToken ct = default) => throw new IOException("storage is down");
    public Task<Stream?> GetAsync(string key, CancellationToken ct = default) => inner.GetAsync(key, ct);
    public Task<StoredObject?> StatAsync(string key, CancellationToken ct = default) => inner.StatAsync(key, ct);
    public Task<bool> ExistsAsync(string key, CancellationToken ct = default) => inner.ExistsAsync(key, ct);
    public Task DeleteAsync(string key, CancellationToken ct = default) => inner.DeleteAsync(key, ct);
    public string PresignedPutUrl(string key, string contentType, long contentLength, TimeSpan expiresIn) => inner.PresignedPutUrl(key, contentType, contentLength, expiresIn);
    public IAsyncEnumerable<ListedObject> ListOlderThanAsync(string prefix, DateTimeOffset before, CancellationToken ct = default) => inner.ListOlderThanAsync(prefix, before, ct);
    public string SignedGetUrl(string key, TimeSpan expiresIn) => inner.SignedGetUrl(key, expiresIn);
    public string PublicUrl(string key) => inner.PublicUrl(key);
}
