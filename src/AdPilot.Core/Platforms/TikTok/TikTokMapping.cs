namespace AdPilot.Core.Platforms.TikTok;

/// <summary>AdPilot's vocabulary to TikTok's: objective types, ENABLE/DISABLE, budget modes, report levels.</summary>
internal static class TikTokMapping
{
    public static string Objective(string objective) => objective.ToUpperInvariant() switch
    {
        "AWARENESS" => "REACH",
        "TRAFFIC" => "TRAFFIC",
        "ENGAGEMENT" => "ENGAGEMENT",
        "LEADS" => "LEAD_GENERATION",
        "APPPROMOTION" => "APP_PROMOTION",
        "SALES" => "WEB_CONVERSIONS",
        _ => throw new PlatformException(PlatformErrorKind.Validation, $"TikTok has no objective for '{objective}'."),
    };

    public static string ObjectiveName(string? objectiveType) => objectiveType switch
    {
        "REACH" => "Awareness",
        "TRAFFIC" => "Traffic",
        "ENGAGEMENT" or "VIDEO_VIEWS" => "Engagement",
        "LEAD_GENERATION" => "Leads",
        "APP_PROMOTION" => "AppPromotion",
        "WEB_CONVERSIONS" or "PRODUCT_SALES" => "Sales",
        _ => objectiveType ?? "",
    };

    public static string OperationStatus(PlatformStatus status) => status == PlatformStatus.Active ? "ENABLE" : "DISABLE";

    public static PlatformStatus Status(string? operationStatus) => operationStatus switch
    {
        "ENABLE" => PlatformStatus.Active,
        "DELETE" => PlatformStatus.Archived,
        _ => PlatformStatus.Paused,
    };

    public static string BudgetMode(PlatformBudgetType type) => type == PlatformBudgetType.Daily ? "BUDGET_MODE_DAY" : "BUDGET_MODE_TOTAL";

    public static PlatformBudgetType? BudgetType(string? mode) => mode switch
    {
        "BUDGET_MODE_DAY" or "BUDGET_MODE_DYNAMIC_DAILY_BUDGET" => PlatformBudgetType.Daily,
        "BUDGET_MODE_TOTAL" => PlatformBudgetType.Lifetime,
        _ => null,
    };

    public static string Entity(PlatformLevel level) => level switch
    {
        PlatformLevel.Campaign => "campaign",
        PlatformLevel.AdSet => "adgroup",
        PlatformLevel.Ad => "ad",
        _ => throw new PlatformException(PlatformErrorKind.Validation, "TikTok advertiser accounts cannot be changed through the API."),
    };

    public static string DataLevel(PlatformLevel level) => level switch
    {
        PlatformLevel.Account => "AUCTION_ADVERTISER",
        PlatformLevel.Campaign => "AUCTION_CAMPAIGN",
        PlatformLevel.AdSet => "AUCTION_ADGROUP",
        _ => "AUCTION_AD",
    };

    public static string IdDimension(PlatformLevel level) => level switch
    {
        PlatformLevel.Account => "advertiser_id",
        PlatformLevel.Campaign => "campaign_id",
        PlatformLevel.AdSet => "adgroup_id",
        _ => "ad_id",
    };
}
