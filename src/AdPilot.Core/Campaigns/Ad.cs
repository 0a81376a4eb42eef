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
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
