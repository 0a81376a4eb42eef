namespace AdPilot.Core.Storage;

/// <summary>
/// Asks the CDN in front of the bucket to drop cached copies of changed objects. AWSSDK.CloudFront is not among the
/// packages this project can restore, so the only implementation today is <see cref="NoCdnInvalidator"/>; a
/// CloudFront one (using <c>Storage:S3:CloudFront:DistributionId</c>) plugs in here.
/// </summary>
public interface ICdnInvalidator
{
    Task InvalidateAsync(IReadOnlyCollection<string> keys, CancellationToken ct = default);
}

public sealed class NoCdnInvalidator : ICdnInvalidator
{
    public Task InvalidateAsync(IReadOnlyCollection<string> keys, CancellationToken ct = default) => Task.CompletedTask;
}
