using AdPilot.Core.Common;
using AdPilot.Core.Notifications;

namespace AdPilot.Core.Anomalies;

/// <summary>
/// One anomaly episode on an account or a campaign: opened the hour it is first detected, kept open (and not notified
/// again) while later hourly runs still see it, closed when a run no longer does. The numbers are those of the last run.
/// </summary>
public sealed class Anomaly : IOwned
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public long AdAccountId { get; set; }

    /// <summary>Null for an account-level anomaly.</summary>
    public long? CampaignId { get; set; }

    /// <summary>The account's or campaign's name when detected, for messages and the daily report.</summary>
    public string EntityName { get; set; } = "";

    /// <summary>One of <see cref="AnomalyTypes"/>.</summary>
    public string Type { get; set; } = "";

    public NotificationType Severity { get; set; } = NotificationType.Important;

    /// <summary>The day in the account's time zone the episode started.</summary>
    public DateOnly Day { get; set; }

    public string Currency { get; set; } = "USD";

    /// <summary>What was measured (spend so far, CPA, ROAS, CTR as a fraction…).</summary>
    public decimal Observed { get; set; }

    /// <summary>The baseline (median of the history) and the range outside which the value counts as anomalous.</summary>
    public decimal Expected { get; set; }
    public decimal ExpectedLow { get; set; }
    public decimal ExpectedHigh { get; set; }

    public DateTime StartedAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    public DateTime? ResolvedAt { get; set; }

    /// <summary>The notification raised for the episode (null when muted or below the user's threshold).</summary>
    public long? NotificationId { get; set; }
}

public static class AnomalyTypes
{
    public const string SpendPacing = "spend_pacing";
    public const string CpaSpike = "cpa_spike";
    public const string RoasDrop = "roas_drop";
    public const string CtrCollapse = "ctr_collapse";
    public const string ZeroDelivery = "zero_delivery";
    public const string SpendNoConversions = "spend_no_conversions";

    public static readonly IReadOnlyList<string> All = [SpendPacing, CpaSpike, RoasDrop, CtrCollapse, ZeroDelivery, SpendNoConversions];
}
