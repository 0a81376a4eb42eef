using AdPilot.Core.AdAccounts;
using AdPilot.Core.Common;

namespace AdPilot.Core.Campaigns;

/// <summary>A campaign as the ad platforms model it: campaign &gt; ad set &gt; ad, each mirrored on the platform.</summary>
public sealed class Campaign : IOwned
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public long AdAccountId { get; set; }
    public AdAccount? AdAccount { get; set; }
    public string? PlatformCampaignId { get; set; }
    public string Name { get; set; } = "";
    public CampaignObjective Objective { get; set; }
    public DeliveryStatus Status { get; set; } = DeliveryStatus.Paused;
    public BudgetType BudgetType { get; set; }
    public decimal Budget { get; set; }
    public string Currency { get; set; } = "USD";
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public SyncStatus SyncStatus { get; set; } = SyncStatus.Pending;
    public string? SyncError { get; set; }
    public DateTime? LastSyncedAt { get; set; }
    public List<AdSet> AdSets { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum CampaignObjective
{
    Awareness,
    Traffic,
    Engagement,
    Leads,
    AppPromotion,
    Sales,
}

public enum DeliveryStatus
{
    Active,
    Paused,
    Archived,
}

public enum BudgetType
{
    Daily,
    Lifetime,
}

public enum SyncStatus
{
    Pending,
    Synced,
    SyncFailed,
}
