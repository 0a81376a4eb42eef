using System.Collections.Concurrent;

namespace AdPilot.Core.Platforms.Simulated;

/// <summary>
/// The simulated platform's ad review, on demand: every ad is approved unless a test or demo rejects it (by id, or by
/// putting <see cref="RejectTag"/> in its name), and a rejected ad can be approved again.
/// </summary>
public sealed class SimulatedReviews
{
    public const string RejectTag = "#reject";
    public const string DefaultReason = "Simulated review: the ad's text makes claims the platform's advertising policy does not allow.";

    private readonly ConcurrentDictionary<string, PlatformAdReview> _byAd = new(StringComparer.Ordinal);

    public void Reject(string platformAdId, string reason = DefaultReason) => _byAd[platformAdId] = new(PlatformReviewStatus.Rejected, reason);

    public void Approve(string platformAdId) => _byAd[platformAdId] = new(PlatformReviewStatus.Approved);

    public void Hold(string platformAdId) => _byAd[platformAdId] = new(PlatformReviewStatus.Pending);

    internal PlatformAdReview For(string platformAdId, string name) =>
        _byAd.TryGetValue(platformAdId, out var review) ? review
        : name.Contains(RejectTag, StringComparison.OrdinalIgnoreCase) ? new(PlatformReviewStatus.Rejected, DefaultReason)
        : new(PlatformReviewStatus.Approved);
}
