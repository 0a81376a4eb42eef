using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace AdPilot.Core.Storage;

/// <summary>
/// Objects as files in one folder (the embedded default). The app serves them at <c>/files/{key}</c> and accepts
/// browser uploads there, both only with an HMAC signature that names the method, key, expiry (and for PUT the
/// content type and exact length), so the URLs work like S3's presigned ones. Content types sit beside the files in <c>.meta/</c>,
/// which no valid key can reach.
/// </summary>
public sealed class LocalObjectStorage : IObjectStorage
{
    public const string RoutePrefix = "/files/";

    private readonly string _root;
    private readonly byte[] _signingKey;
    private readonly LocalStorageOptions _options;
    private readonly TimeProvider _clock;

    public LocalObjectStorage(IOptions<StorageOptions> options, TimeProvider clock)
    {
        _options = options.Value.Local;
        _clock = clock;
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(_options.Folder));
        _signingKey = string.IsNullOrWhiteSpace(_options.SigningKey)
            ? throw new InvalidOperationException("Storage:Local:SigningKey is not set.")
            : Convert.FromBase64String(_options.SigningKey);
        Directory.CreateDirectory(_root);
    }

    public string Root => _root;

    /// <summary>The file a key names, after checking that the full path stays under the root.</summary>
    public string PathOf(string key)
    {
        StorageKeys.Require(key);
        var full = Path.GetFullPath(Path.Combine(_root, key));
        return full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : throw new InvalidStorageKeyException(key);
    }

    private string MetaPathOf(string key) => Path.Combine(_root, ".meta", Path.GetRelativePath(_root, PathOf(key)) + ".type");

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken ct = default)
    {
        var path = PathOf(key);
        var temp = Path.Combine(_root, ".tmp", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(temp)!);
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, ct);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var meta = MetaPathOf(key);
            Directory.CreateDirectory(Path.GetDirectoryName(meta)!);
            await File.WriteAllTextAsync(meta, contentType, ct);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public Task<Stream?> GetAsync(string key, CancellationToken ct = default)
    {
        var path = PathOf(key);
        try
        {
            return Task.FromResult<Stream?>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public async Task<StoredObject?> StatAsync(string key, CancellationToken ct = default)
    {
        var file = new FileInfo(PathOf(key));
        if (!file.Exists)
        {
            return null;
        }

        var meta = MetaPathOf(key);
        var contentType = File.Exists(meta) ? await File.ReadAllTextAsync(meta, ct) : "application/octet-stream";
        return new StoredObject(key, file.Length, contentType);
    }

    public Task<bool> ExistsAsync(string key, CancellationToken ct = default) => Task.FromResult(File.Exists(PathOf(key)));

    public Task DeleteAsync(string key, CancellationToken ct = default)
    {
        try
        {
            File.Delete(PathOf(key));
            File.Delete(MetaPathOf(key));
        }
        catch (DirectoryNotFoundException)
        {
            // No folder, no object: deleting a missing object is not an error (the deletion outbox relies on it).
        }

        return Task.CompletedTask;
    }

    public string PresignedPutUrl(string key, string contentType, long contentLength, TimeSpan expiresIn) =>
        Url("PUT", key, expiresIn, contentType, contentLength);

    public string SignedGetUrl(string key, TimeSpan expiresIn) => Url("GET", key, expiresIn, null, null);

    public IAsyncEnumerable<ListedObject> ListOlderThanAsync(string prefix, DateTimeOffset before, CancellationToken ct = default) =>
        ListOlderThan(prefix, before).ToAsyncEnumerable();

    private IEnumerable<ListedObject> ListOlderThan(string prefix, DateTimeOffset before)
    {
        var folder = prefix.LastIndexOf('/') is > 0 and var slash ? PathOf(prefix[..slash]) : _root;
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var key = Path.GetRelativePath(_root, path).Replace(Path.DirectorySeparatorChar, '/');
            var file = new FileInfo(path);
            // The store's own .meta and .tmp files are not valid keys.
            if (key.StartsWith(prefix, StringComparison.Ordinal) && StorageKeys.IsValid(key) && file.Exists && file.LastWriteTimeUtc < before.UtcDateTime)
            {
                yield return new ListedObject(key, file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero));
            }
        }
    }

    public string PublicUrl(string key) => SignedGetUrl(key, _options.PublicUrlLifetime);

    /// <summary>True when the signature was made by this store for this method, key (and content type and length) and has not expired.</summary>
    public bool Verify(string method, string key, string? expires, string? signature, string? contentType, long? contentLength = null)
    {
        if (!StorageKeys.IsValid(key) || !long.TryParse(expires, out var exp) || string.IsNullOrEmpty(signature)
            || exp < _clock.GetUtcNow().ToUnixTimeSeconds())
        {
            return false;
        }

        var put = method == "PUT";
        var expected = Encoding.ASCII.GetBytes(Sign(method, key, exp, put ? contentType ?? "" : null, put ? contentLength ?? -1 : null));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }

    private string Url(string method, string key, TimeSpan expiresIn, string? contentType, long? contentLength)
    {
        StorageKeys.Require(key);
        var exp = (_clock.GetUtcNow() + expiresIn).ToUnixTimeSeconds();
        var sig = Sign(method, key, exp, contentType, contentLength);
        var length = contentLength is { } len ? $"&len={len}" : "";
        return $"{_options.PublicBaseUrl.TrimEnd('/')}{RoutePrefix}{key}?exp={exp}{length}&sig={sig}";
    }

    private string Sign(string method, string key, long exp, string? contentType, long? contentLength)
    {
        // GET payloads are unchanged from before lengths were signed, so long-lived read URLs stay valid.
        var length = contentLength is { } len ? $"\n{len}" : "";
        var payload = Encoding.UTF8.GetBytes($"{method}\n{key}\n{exp}\n{contentType}{length}");
        return Convert.ToBase64String(HMACSHA256.HashData(_signingKey, payload)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
