namespace AdPilot.Core.Storage;

/// <summary>
/// Asks the CDN in front of the bucket to drop cached copies of changed objects (keys as stored, without a leading
/// slash). With <c>Storage:Provider=S3</c> and <c>Storage:S3:CloudFront:DistributionId</c> set it is
/// <see cref="CloudFrontInvalidator"/> (CloudFront's HTTP API with SigV4; no CloudFront SDK package is served here,
/// ADR 033); otherwise <see cref="NoCdnInvalidator"/>. It throws when the CDN refuses or stays unavailable: callers
/// log that and keep what they stored, and the CDN serves the old copy until its TTL runs out.
/// </summary>
public interface ICdnInvalidator
{
    Task InvalidateAsync(IReadOnlyCollection<string> keys, CancellationToken ct = default);
}

/// <summary>No CDN (the local store, or S3 without a distribution): nothing cached to drop.</summary>
public sealed class NoCdnInvalidator : ICdnInvalidator
{
    public Task InvalidateAsync(IReadOnlyCollection<string> keys, CancellationToken ct = default) => Task.CompletedTask;
}
