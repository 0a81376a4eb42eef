using System.ComponentModel.DataAnnotations;

namespace AdPilot.Core.Storage;

public enum StorageProvider
{
    Local,
    S3,
}

/// <summary>Section <c>Storage</c>: the provider switch and each provider's settings.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Local;

    public LocalStorageOptions Local { get; set; } = new();

    public S3StorageOptions S3 { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == StorageProvider.S3 && string.IsNullOrWhiteSpace(S3.Bucket))
        {
            yield return new ValidationResult("Storage:S3:Bucket is empty; set the bucket name or use Storage:Provider=Local.");
        }

        if (Provider == StorageProvider.S3 && !string.IsNullOrEmpty(S3.AccessKey) != !string.IsNullOrEmpty(S3.SecretKey))
        {
            yield return new ValidationResult("Storage:S3:AccessKey and Storage:S3:SecretKey go together; set both, or neither to use the default AWS credentials.");
        }

        if (!S3.CloudFront.DistributionId.All(char.IsAsciiLetterOrDigit))
        {
            yield return new ValidationResult("Storage:S3:CloudFront:DistributionId must be a CloudFront distribution id (letters and digits, e.g. E2QWRUHEXAMPLE).");
        }

        if (S3.CloudFront.MaxAttempts is < 1 or > 10)
        {
            yield return new ValidationResult("Storage:S3:CloudFront:MaxAttempts must be between 1 and 10.");
        }

        if (S3.CloudFront.RetryBaseDelay < TimeSpan.Zero || S3.CloudFront.AttemptTimeout <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Storage:S3:CloudFront:RetryBaseDelay must not be negative and AttemptTimeout must be positive.");
        }

        foreach (var (name, url) in new[]
        {
            ("Storage:S3:ServiceUrl", S3.ServiceUrl), ("Storage:S3:PublicBaseUrl", S3.PublicBaseUrl), ("Storage:Local:PublicBaseUrl", Local.PublicBaseUrl),
            ("Storage:S3:CloudFront:ServiceUrl", S3.CloudFront.ServiceUrl),
        })
        {
            if (!string.IsNullOrEmpty(url) && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            {
                yield return new ValidationResult($"{name} must be an absolute http or https URL.");
            }
        }
    }
}

public sealed class LocalStorageOptions
{
    /// <summary>Relative to the data directory unless absolute; the host resolves it on start.</summary>
    public string Folder { get; set; } = "files";

    /// <summary>Base64 HMAC key for the signed <c>/files</c> URLs; the host keeps one in the data directory when unset.</summary>
    public string SigningKey { get; set; } = "";

    /// <summary>Absolute base (e.g. <c>https://app.example.com</c>) for the URLs; empty gives app-relative URLs.</summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>Largest body the local "presigned PUT" endpoint accepts.</summary>
    [Range(1, long.MaxValue, ErrorMessage = "Storage:Local:MaxUploadBytes must be positive.")]
    public long MaxUploadBytes { get; set; } = 500L * 1024 * 1024;

    /// <summary>The local store has no CDN: its "public" URL is a signed URL this long-lived.</summary>
    public TimeSpan PublicUrlLifetime { get; set; } = TimeSpan.FromDays(7);
}

public sealed class S3StorageOptions
{
    public string Bucket { get; set; } = "";

    /// <summary>Endpoint of an S3-compatible server (MinIO, R2, s3rver); empty for AWS itself.</summary>
    public string ServiceUrl { get; set; } = "";

    public string Region { get; set; } = "us-east-1";

    public string AccessKey { get; set; } = "";

    public string SecretKey { get; set; } = "";

    /// <summary>Path-style addressing (<c>host/bucket/key</c>), which most S3-compatible servers need.</summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>CDN base for public URLs (e.g. a CloudFront domain); empty gives the bucket's own URL.</summary>
    public string PublicBaseUrl { get; set; } = "";

    public CloudFrontOptions CloudFront { get; set; } = new();
}

/// <summary>Section <c>Storage:S3:CloudFront</c>: invalidation of published objects (ADR 033).</summary>
public sealed class CloudFrontOptions
{
    /// <summary>The distribution in front of the bucket; empty turns invalidation off.</summary>
    public string DistributionId { get; set; } = "";

    /// <summary>CloudFront's API endpoint; tests point it at a local fake.</summary>
    public string ServiceUrl { get; set; } = "https://cloudfront.amazonaws.com";

    /// <summary>Tries per batch, counting the first; throttling and 5xx answers are retried with exponential backoff.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The first backoff delay; it doubles each retry (a Retry-After header wins when longer).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one request may take before it counts as a failed attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(DistributionId);
}
