using AdPilot.Core.Common;

namespace AdPilot.Core.Anomalies;

/// <summary>
/// Silences anomalies: of an ad account (and all its campaigns), of one campaign, of one anomaly type, or of a type on an
/// entity; until a time or for good. A muted anomaly opens no episode and raises nothing.
/// </summary>
public sealed class AnomalyMute : IOwned
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public long? AdAccountId { get; set; }
    public long? CampaignId { get; set; }

    /// <summary>One of <see cref="AnomalyTypes"/>; null for every type.</summary>
    public string? Type { get; set; }

    /// <summary>Null: until unmuted.</summary>
    public DateTime? Until { get; set; }

    public DateTime CreatedAt { get; set; }

    public bool Covers(long adAccountId, long? campaignId, string type, DateTime now) =>
        (AdAccountId is null || AdAccountId == adAccountId)
        && (CampaignId is null || CampaignId == campaignId)
        && (Type is null || Type == type)
        && (Until is null || Until > now);
}
