using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace AdPilot.Core.Storage;

/// <summary>Objects in an S3 bucket or an S3-compatible server (<c>Storage:S3:ServiceUrl</c>).</summary>
public sealed class S3ObjectStorage : IObjectStorage, IDisposable
{
    private readonly AmazonS3Client _s3;
    private readonly S3StorageOptions _options;
    private readonly TimeProvider _clock;
    private readonly bool _plainHttp;

    public S3ObjectStorage(IOptions<StorageOptions> options, TimeProvider clock)
    {
        _options = options.Value.S3;
        _clock = clock;
        var config = new AmazonS3Config { ForcePathStyle = _options.ForcePathStyle };
        if (!string.IsNullOrEmpty(_options.ServiceUrl))
        {
            config.ServiceURL = _options.ServiceUrl;
            config.AuthenticationRegion = _options.Region;
            _plainHttp = _options.ServiceUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(_options.Region);
        }

        _s3 = string.IsNullOrEmpty(_options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(_options.AccessKey, _options.SecretKey), config);
    }

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken ct = default)
    {
        // Unchunked: S3-compatible servers that do not speak aws-chunked would store the chunk framing as the body.
        await _s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _options.Bucket, Key = StorageKeys.Require(key), InputStream = content, ContentType = contentType,
            AutoCloseStream = false, UseChunkEncoding = false,
        }, ct);
    }

    public async Task<Stream?> GetAsync(string key, CancellationToken ct = default)
    {
        try
        {
            var response = await _s3.GetObjectAsync(_options.Bucket, StorageKeys.Require(key), ct);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<StoredObject?> StatAsync(string key, CancellationToken ct = default)
    {
        try
        {
            var metadata = await _s3.GetObjectMetadataAsync(_options.Bucket, StorageKeys.Require(key), ct);
            return new StoredObject(key, metadata.ContentLength, metadata.Headers.ContentType ?? "application/octet-stream");
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken ct = default) => await StatAsync(key, ct) is not null;

    public async Task DeleteAsync(string key, CancellationToken ct = default) =>
        await _s3.DeleteObjectAsync(_options.Bucket, StorageKeys.Require(key), ct);

    /// <summary>Content-Type and Content-Length are signed headers: S3 refuses a PUT whose headers differ (ADR 012).</summary>
    public string PresignedPutUrl(string key, string contentType, long contentLength, TimeSpan expiresIn)
    {
        var request = Presign(key, HttpVerb.PUT, expiresIn, contentType);
        request.Headers.ContentLength = contentLength;
        return _s3.GetPreSignedURL(request);
    }

    public string SignedGetUrl(string key, TimeSpan expiresIn) =>
        _s3.GetPreSignedURL(Presign(key, HttpVerb.GET, expiresIn, null));

    public async IAsyncEnumerable<ListedObject> ListOlderThanAsync(
        string prefix, DateTimeOffset before, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var request = new ListObjectsV2Request { BucketName = _options.Bucket, Prefix = prefix };
        ListObjectsV2Response page;
        do
        {
            page = await _s3.ListObjectsV2Async(request, ct);
            foreach (var item in page.S3Objects ?? [])
            {
                if (item.LastModified is { } modified && new DateTimeOffset(modified.ToUniversalTime(), TimeSpan.Zero) < before)
                {
                    yield return new ListedObject(item.Key, item.Size ?? 0, new DateTimeOffset(modified.ToUniversalTime(), TimeSpan.Zero));
                }
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);
    }

    public string PublicUrl(string key)
    {
        StorageKeys.Require(key);
        if (!string.IsNullOrEmpty(_options.PublicBaseUrl))
        {
            return $"{_options.PublicBaseUrl.TrimEnd('/')}/{key}";
        }

        return string.IsNullOrEmpty(_options.ServiceUrl)
            ? $"https://{_options.Bucket}.s3.{_options.Region}.amazonaws.com/{key}"
            : $"{_options.ServiceUrl.TrimEnd('/')}/{_options.Bucket}/{key}";
    }

    private GetPreSignedUrlRequest Presign(string key, HttpVerb verb, TimeSpan expiresIn, string? contentType) => new()
    {
        BucketName = _options.Bucket,
        Key = StorageKeys.Require(key),
        Verb = verb,
        ContentType = contentType,
        Expires = (_clock.GetUtcNow() + expiresIn).UtcDateTime,
        Protocol = _plainHttp ? Protocol.HTTP : Protocol.HTTPS,
    };

    public void Dispose() => _s3.Dispose();
}
