using AdPilot.Core.Common;

namespace AdPilot.Core.Campaigns;

public sealed class AdSet : IOwned
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public long CampaignId { get; set; }
    public string? PlatformAdSetId { get; set; }
    public string Name { get; set; } = "";
    public DeliveryStatus Status { get; set; } = DeliveryStatus.Paused;
    public BudgetType? BudgetType { get; set; }
    public decimal? Budget { get; set; }

    /// <summary>Locations, ages, genders, interests and placements as JSON: the platforms each model targeting differently.</summary>
    public string TargetingJson { get; set; } = "{}";

    public SyncStatus SyncStatus { get; set; } = SyncStatus.Pending;
    public string? SyncError { get; set; }
    public List<Ad> Ads { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
