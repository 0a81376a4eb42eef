using AdPilot.Core.Common;

namespace AdPilot.Core.Campaigns;

public sealed class Ad : IOwned
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public long AdSetId { get; set; }
    public long? CreativeId { get; set; }
    public long? LandingPageId { get; set; }
    public string? PlatformAdId { get; set; }
    public string Name { get; set; } = "";
    public DeliveryStatus Status { get; set; } = DeliveryStatus.Paused;
    public string? Headline { get; set; }
    public string? PrimaryText { get; set; }
    public string? CallToAction { get; set; }
    public string? LandingPageUrl { get; set; }
    public SyncStatus SyncStatus { get; set; } = SyncStatus.Pending;
    public string? SyncError { get; set; }
    /// <summary>The platform's policy review, read at each sync; a change to Rejected raises <c>ad_rejected</c>.</summary>
    public AdReviewStatus ReviewStatus { get; set; } = AdReviewStatus.Unknown;

    /// <summary>The platform's reason for the rejection (its own words), when rejected.</summary>
    public string? ReviewReason { get; set; }

    public DateTime? ReviewChangedAt { get; set; }

    /// <summary>How many times the ad went into Rejected; the notification's dedupe key counts them, so each rejection raises once.</summary>
    public int Rejections { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum AdReviewStatus
{
    Unknown,
    Pending,
    Approved,
    Rejected,
}
