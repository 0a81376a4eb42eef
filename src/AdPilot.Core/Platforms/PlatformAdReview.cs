namespace AdPilot.Core.Platforms;

/// <summary>Where an ad stands in the platform's policy review.</summary>
public enum PlatformReviewStatus
{
    /// <summary>The platform did not say (or the listing carries no review field).</summary>
    Unknown,
    Pending,
    Approved,
    Rejected,
}

/// <param name="Reason">The platform's own words for a rejection (policy names, review feedback), null otherwise.</param>
public sealed record PlatformAdReview(PlatformReviewStatus Status, string? Reason = null)
{
    public static PlatformAdReview Unknown { get; } = new(PlatformReviewStatus.Unknown);
}
