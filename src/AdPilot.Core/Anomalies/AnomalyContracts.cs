using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using AdPilot.Core.Notifications;

namespace AdPilot.Core.Anomalies;

public sealed record AnomalyView(
    long Id,
    long AdAccountId,
    [property: Description("Null for an account-level anomaly.")] long? CampaignId,
    [property: Description("The account's or campaign's name.")] string EntityName,
    [property: Description("spend_pacing, cpa_spike, roas_drop, ctr_collapse, zero_delivery or spend_no_conversions.")] string Type,
    [property: Description("urgent, important or general.")] string Severity,
    [property: Description("The day (in the account's time zone) the episode started.")] DateOnly Day,
    string Currency,
    [property: Description("What was measured: spend so far, CPA, ROAS or CTR (a fraction).")] decimal Observed,
    [property: Description("The baseline: the median of the same weekdays before (scaled to the time of day for spend).")] decimal Expected,
    [property: Description("The low end of the normal range.")] decimal ExpectedLow,
    [property: Description("The high end of the normal range.")] decimal ExpectedHigh,
    DateTime StartedAt,
    DateTime LastSeenAt,
    [property: Description("When the numbers were normal again; null while the anomaly is open.")] DateTime? ResolvedAt,
    [property: Description("The reports page filtered to the entity.")] string Link)
{
    internal static AnomalyView Of(Anomaly a) => new(a.Id, a.AdAccountId, a.CampaignId, a.EntityName, a.Type, SeverityName(a.Severity), a.Day, a.Currency,
        a.Observed, a.Expected, a.ExpectedLow, a.ExpectedHigh, a.StartedAt, a.LastSeenAt, a.ResolvedAt, AnomalyLinks.Report(a.AdAccountId, a.CampaignId));

    public static string SeverityName(NotificationType type) => type.ToString().ToLowerInvariant();
}

/// <summary>Filters of the anomaly list: open (default), resolved or all; newest first.</summary>
public sealed record AnomalyQuery
{
    [RegularExpression("^(open|resolved|all)$", ErrorMessage = "Use open, resolved or all.")]
    public string Status { get; init; } = "open";

    public long? AdAccountId { get; init; }
    public long? CampaignId { get; init; }

    [AnomalyType]
    public string? Type { get; init; }

    /// <summary>Episodes started on or after this day (account-local).</summary>
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    [Range(1, 100_000)]
    public int Page { get; init; } = 1;

    [Range(1, 100)]
    public int PageSize { get; init; } = 20;
}

/// <summary>Mute an account (with its campaigns), a campaign, a type, or a type on an entity; until a time or for good.</summary>
public sealed record MuteAnomaliesRequest
{
    public long? AdAccountId { get; init; }
    public long? CampaignId { get; init; }

    [AnomalyType]
    public string? Type { get; init; }

    public DateTime? Until { get; init; }
}

public sealed record AnomalyMuteView(long Id, long? AdAccountId, long? CampaignId, string? Type, DateTime? Until, DateTime CreatedAt)
{
    internal static AnomalyMuteView Of(AnomalyMute m) => new(m.Id, m.AdAccountId, m.CampaignId, m.Type, m.Until, m.CreatedAt);
}

[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class AnomalyTypeAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is null || (value is string s && AnomalyTypes.All.Contains(s))
            ? ValidationResult.Success
            : new ValidationResult($"Use one of {string.Join(", ", AnomalyTypes.All)}.", validationContext.MemberName is { } m ? [m] : null);
}

public static class AnomalyLinks
{
    /// <summary>The reports page on the account, with the campaign expanded when there is one.</summary>
    public static string Report(long adAccountId, long? campaignId) =>
        campaignId is { } c ? $"/reports?account={adAccountId}&level=campaign&entity={c}" : $"/reports?account={adAccountId}";
}
