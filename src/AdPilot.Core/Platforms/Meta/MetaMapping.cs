namespace AdPilot.Core.Platforms.Meta;

/// <summary>AdPilot's vocabulary to Meta's: objectives, statuses, budgets in the currency's minor unit (cents).</summary>
internal static class MetaMapping
{
    public static string Objective(string objective) => objective.ToUpperInvariant() switch
    {
        "AWARENESS" => "OUTCOME_AWARENESS",
        "TRAFFIC" => "OUTCOME_TRAFFIC",
        "ENGAGEMENT" => "OUTCOME_ENGAGEMENT",
        "LEADS" => "OUTCOME_LEADS",
        "APPPROMOTION" => "OUTCOME_APP_PROMOTION",
        "SALES" => "OUTCOME_SALES",
        var other when other.StartsWith("OUTCOME_", StringComparison.Ordinal) => other,
        _ => throw new PlatformException(PlatformErrorKind.Validation, $"Meta has no objective for '{objective}'."),
    };

    public static string ObjectiveName(string? metaObjective) => metaObjective switch
    {
        "OUTCOME_AWARENESS" => "Awareness",
        "OUTCOME_TRAFFIC" => "Traffic",
        "OUTCOME_ENGAGEMENT" => "Engagement",
        "OUTCOME_LEADS" => "Leads",
        "OUTCOME_APP_PROMOTION" => "AppPromotion",
        "OUTCOME_SALES" => "Sales",
        _ => metaObjective ?? "",
    };

    public static string Status(PlatformStatus status) => status switch
    {
        PlatformStatus.Active => "ACTIVE",
        PlatformStatus.Paused => "PAUSED",
        _ => "ARCHIVED",
    };

    public static PlatformStatus Status(string? status) => status switch
    {
        "ACTIVE" => PlatformStatus.Active,
        "ARCHIVED" or "DELETED" => PlatformStatus.Archived,
        _ => PlatformStatus.Paused,
    };

    public static string Cents(decimal budget) => PlatformHttp.Invariant(decimal.Round(budget * 100m, 0, MidpointRounding.AwayFromZero));

    public static (PlatformBudgetType? Type, decimal? Amount) Budget(long? daily, long? lifetime) =>
        daily is > 0 ? (PlatformBudgetType.Daily, daily.Value / 100m)
        : lifetime is > 0 ? (PlatformBudgetType.Lifetime, lifetime.Value / 100m)
        : (null, null);

    public static string BudgetField(PlatformBudgetType type) => type == PlatformBudgetType.Daily ? "daily_budget" : "lifetime_budget";

    public static string Level(PlatformLevel level) => level switch
    {
        PlatformLevel.Account => "account",
        PlatformLevel.Campaign => "campaign",
        PlatformLevel.AdSet => "adset",
        _ => "ad",
    };

    /// <summary>Meta reports one purchase several ways (pixel, app, omni); take the most specific one present, never their sum.</summary>
    public static decimal Purchases(IReadOnlyList<MetaActionValue>? actions)
    {
        if (actions is null)
        {
            return 0;
        }

        foreach (var type in (string[])["purchase", "omni_purchase", "offsite_conversion.fb_pixel_purchase"])
        {
            var match = actions.FirstOrDefault(a => a.ActionType == type);
            if (match is not null)
            {
                return match.Value;
            }
        }

        return 0;
    }

    public static string AccountPath(string accountId) => accountId.StartsWith("act_", StringComparison.Ordinal) ? accountId : "act_" + accountId;
}
