using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdPilot.Core.Storage;

/// <summary>
/// CloudFront invalidation through its documented HTTP API (ADR 033): one CreateInvalidation per batch of up to 3,000
/// paths, signed with SigV4. Throttling, 5xx answers and network failures are retried with exponential backoff a few
/// times; anything else, or the last failure, throws <see cref="CloudFrontInvalidationException"/>.
/// </summary>
public sealed class CloudFrontInvalidator(HttpClient http, IOptions<StorageOptions> options, TimeProvider clock, ILogger<CloudFrontInvalidator> logger)
    : ICdnInvalidator
{
    private const string ContentType = "application/xml";
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(10);

    private readonly S3StorageOptions _s3 = options.Value.S3;

    public async Task InvalidateAsync(IReadOnlyCollection<string> keys, CancellationToken ct = default)
    {
        foreach (var paths in CloudFrontPaths.Batches(keys))
        {
            await CreateInvalidationAsync(paths, ct);
        }
    }

    private async Task CreateInvalidationAsync(IReadOnlyList<string> paths, CancellationToken ct)
    {
        var o = _s3.CloudFront;
        var url = new Uri($"{o.ServiceUrl.TrimEnd('/')}/2020-05-31/distribution/{Uri.EscapeDataString(o.DistributionId)}/invalidation");
        // The same reference on every retry: CloudFront answers a repeat of an accepted batch with that invalidation
        // instead of creating a second one.
        var body = CloudFrontXml.InvalidationBatch($"adpilot-{clock.GetUtcNow():yyyyMMddHHmmss}-{Guid.NewGuid():N}", paths);
        var credentials = await CredentialsAsync();
        for (var attempt = 1; ; attempt++)
        {
            var (status, code, message, retryAfter, failure) = await SendAsync(url, body, credentials, o.AttemptTimeout, ct);
            if (status == HttpStatusCode.Created)
            {
                return;
            }

            var retryable = failure is not null || IsRetryable(status, code);
            var what = failure is not null
                ? $"CloudFront could not be reached ({failure.GetType().Name})"
                : $"CloudFront answered HTTP {(int)status!} {code}{(message.Length > 0 ? ": " + message : "")}";
            if (!retryable || attempt >= o.MaxAttempts)
            {
                throw new CloudFrontInvalidationException(
                    $"Invalidating {paths.Count} path(s) on distribution {o.DistributionId} failed after {attempt} attempt(s): {what}.", status, code, failure);
            }

            var delay = Backoff(o.RetryBaseDelay, attempt, retryAfter);
            logger.LogWarning("Invalidating {Count} path(s) on distribution {DistributionId}: {What}; retrying in {Delay}",
                paths.Count, o.DistributionId, what, delay);
            await Task.Delay(delay, clock, ct);
        }
    }

    private async Task<(HttpStatusCode? Status, string Code, string Message, TimeSpan? RetryAfter, Exception? Failure)> SendAsync(
        Uri url, byte[] body, ImmutableCredentials credentials, TimeSpan timeout, CancellationToken ct)
    {
        // Signed per attempt: the signature covers x-amz-date.
        using var request = CloudFrontSigner.SignedPost(url, body, ContentType, credentials, clock.GetUtcNow().UtcDateTime);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
        attempt.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, attempt.Token);
            var text = await response.Content.ReadAsStringAsync(attempt.Token);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                logger.LogInformation("CloudFront invalidation {InvalidationId} created on distribution {DistributionId}",
                    CloudFrontXml.InvalidationId(text), _s3.CloudFront.DistributionId);
                return (response.StatusCode, "", "", null, null);
            }

            var (code, message) = CloudFrontXml.Error(text);
            return (response.StatusCode, code, message, response.Headers.RetryAfter?.Delta, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return (null, "", "", null, ex);
        }
    }

    private static bool IsRetryable(HttpStatusCode? status, string code) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout
        || (int?)status >= 500
        || code is "Throttling" or "ThrottlingException" or "RequestLimitExceeded" or "ServiceUnavailable";

    private static TimeSpan Backoff(TimeSpan baseDelay, int attempt, TimeSpan? retryAfter)
    {
        var exponential = baseDelay * Math.Pow(2, attempt - 1);
        return retryAfter is { } asked && asked > exponential ? (asked < MaxRetryAfter ? asked : MaxRetryAfter) : exponential;
    }

    /// <summary>The configured key pair, else the AWS SDK's default chain (environment, profile, container or instance role).</summary>
    private async Task<ImmutableCredentials> CredentialsAsync()
    {
        if (!string.IsNullOrEmpty(_s3.AccessKey))
        {
            return new ImmutableCredentials(_s3.AccessKey, _s3.SecretKey, null);
        }

        try
        {
            var source = await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync(null);
            return await source.GetCredentialsAsync();
        }
        catch (AmazonClientException ex)
        {
            throw new CloudFrontInvalidationException(
                "No AWS credentials for CloudFront: set Storage:S3:AccessKey and SecretKey, or give the host an AWS profile or role.", null, "", ex);
        }
    }
}
