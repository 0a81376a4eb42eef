using System.Text.Json;
using AdPilot.Core.AdAccounts;
using AdPilot.Core.Platforms;

namespace AdPilot.Core.Campaigns;

internal static class CampaignMapping
{
    /// <summary>The column size of <see cref="AdSet.TargetingJson"/>.</summary>
    public const int MaxTargetingJsonLength = 8000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Name(DeliveryStatus status) => status.ToString().ToLowerInvariant();

    public static string Name(AdReviewStatus status) => status.ToString().ToLowerInvariant();

    public static string Name(SyncStatus status) => status switch
    {
        SyncStatus.SyncFailed => "sync_failed",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static PlatformStatus ToPlatform(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Active => PlatformStatus.Active,
        DeliveryStatus.Archived => PlatformStatus.Archived,
        _ => PlatformStatus.Paused,
    };

    public static DeliveryStatus FromPlatform(PlatformStatus status) => status switch
    {
        PlatformStatus.Active => DeliveryStatus.Active,
        PlatformStatus.Archived => DeliveryStatus.Archived,
        _ => DeliveryStatus.Paused,
    };

    public static PlatformBudgetType ToPlatform(BudgetType type) => type == BudgetType.Lifetime ? PlatformBudgetType.Lifetime : PlatformBudgetType.Daily;

    public static BudgetType FromPlatform(PlatformBudgetType type) => type == PlatformBudgetType.Lifetime ? BudgetType.Lifetime : BudgetType.Daily;

    public static CampaignObjective Objective(string platformObjective) =>
        Enum.TryParse<CampaignObjective>(platformObjective.Replace("OUTCOME_", "", StringComparison.OrdinalIgnoreCase).Replace("_", "", StringComparison.Ordinal), true, out var o)
            ? o
            : CampaignObjective.Sales;

    public static string TargetingJson(TargetingInput targeting) => JsonSerializer.Serialize(targeting, Json);

    public static TargetingInput Targeting(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<TargetingInput>(json, Json) ?? new TargetingInput();
        }
        catch (JsonException)
        {
            return new TargetingInput();
        }
    }

    public static Targeting ToPlatform(TargetingInput t) =>
        new(t.Locations, t.AgeMin, t.AgeMax, t.Genders, t.Interests, t.Placements);

    public static CampaignSpec Spec(Campaign c) =>
        new(c.Name, c.Objective.ToString(), ToPlatform(c.Status), ToPlatform(c.BudgetType), c.Budget, c.StartDate, c.EndDate);

    public static AdSetSpec Spec(AdSet s) =>
        new(s.Name, ToPlatform(s.Status), s.BudgetType is { } b ? ToPlatform(b) : null, s.Budget, ToPlatform(Targeting(s.TargetingJson)));

    public static AdSpec Spec(Ad a, string? creativeRef) =>
        new(a.Name, ToPlatform(a.Status), creativeRef, a.Headline, a.PrimaryText, a.CallToAction, a.LandingPageUrl);

    public static CampaignSummary Summary(Campaign c) =>
        new(c.Id, c.AdAccountId, c.AdAccount?.Name ?? "", c.AdAccount is null ? "" : PlatformNames.Slug(c.AdAccount.Platform), c.Name, c.Objective,
            Name(c.Status), c.BudgetType, c.Budget, c.Currency, c.StartDate, c.EndDate, Name(c.SyncStatus), c.SyncError, c.PlatformCampaignId,
            c.CreatedAt, c.UpdatedAt);

    public static AdView View(Ad a) =>
        new(a.Id, a.AdSetId, a.Name, Name(a.Status), a.CreativeId, a.Headline, a.PrimaryText, a.CallToAction, a.LandingPageUrl, a.PlatformAdId,
            Name(a.SyncStatus), a.SyncError, a.LandingPageId, Name(a.ReviewStatus), a.ReviewReason);

    public static AdSetView View(AdSet s) =>
        new(s.Id, s.CampaignId, s.Name, Name(s.Status), s.BudgetType, s.Budget, Targeting(s.TargetingJson), s.PlatformAdSetId, Name(s.SyncStatus),
            s.SyncError, s.Ads.OrderBy(a => a.Id).Select(View).ToList());

    public static CampaignDetail Detail(Campaign c) => new(Summary(c), c.AdSets.OrderBy(s => s.Id).Select(View).ToList());
}
