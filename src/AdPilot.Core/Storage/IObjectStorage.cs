namespace AdPilot.Core.Storage;

/// <summary>
/// Where uploaded bytes live: a folder under the data directory (embedded default) or an S3-compatible bucket.
/// Keys are validated by <see cref="StorageKeys"/>; URLs may be relative to the app (local store) or absolute.
/// </summary>
public interface IObjectStorage
{
    Task PutAsync(string key, Stream content, string contentType, CancellationToken ct = default);

    /// <summary>The object's bytes, or null when there is no such object. The caller disposes the stream.</summary>
    Task<Stream?> GetAsync(string key, CancellationToken ct = default);

    /// <summary>Size and content type, or null when there is no such object.</summary>
    Task<StoredObject?> StatAsync(string key, CancellationToken ct = default);

    Task<bool> ExistsAsync(string key, CancellationToken ct = default);

    /// <summary>Deletes the object; deleting a missing object is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken ct = default);

    /// <summary>
    /// A URL a browser can PUT the bytes to until <paramref name="expiresIn"/> passes, sending exactly
    /// <paramref name="contentType"/> and exactly <paramref name="contentLength"/> bytes (both are part of the signature).
    /// </summary>
    string PresignedPutUrl(string key, string contentType, long contentLength, TimeSpan expiresIn);

    /// <summary>Objects whose key starts with <paramref name="prefix"/> and that were last written before <paramref name="before"/>.</summary>
    IAsyncEnumerable<ListedObject> ListOlderThanAsync(string prefix, DateTimeOffset before, CancellationToken ct = default);

    /// <summary>A URL that reads the object until <paramref name="expiresIn"/> passes.</summary>
    string SignedGetUrl(string key, TimeSpan expiresIn);

    /// <summary>The object's long-lived address: under the CDN base when one is configured.</summary>
    string PublicUrl(string key);
}

public sealed record StoredObject(string Key, long Size, string ContentType);

public sealed record ListedObject(string Key, long Size, DateTimeOffset LastModified);
