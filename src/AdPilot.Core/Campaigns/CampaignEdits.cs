namespace AdPilot.Core.Campaigns;

/// <summary>
/// How a request changes a campaign, ad set or ad, in memory: <see cref="CampaignService"/> applies these and saves,
/// <see cref="CampaignChanges"/> applies them to a copy it never saves, so a preview shows what the write will do.
/// </summary>
internal static class CampaignEdits
{
    /// <summary>Absent fields stay as they are.</summary>
    public static void Apply(UpdateCampaignRequest request, Campaign c)
    {
        c.Name = request.Name?.Trim() ?? c.Name;
        c.BudgetType = request.BudgetType ?? c.BudgetType;
        c.Budget = request.Budget ?? c.Budget;
        c.StartDate = request.StartDate ?? c.StartDate;
        c.EndDate = request.EndDate ?? c.EndDate;
    }

    /// <summary>Absent fields stay as they are.</summary>
    public static void Apply(UpdateAdSetRequest request, AdSet s)
    {
        s.Name = request.Name?.Trim() ?? s.Name;
        s.BudgetType = request.BudgetType ?? s.BudgetType;
        s.Budget = request.Budget ?? s.Budget;
        s.TargetingJson = request.Targeting is { } t ? CampaignMapping.TargetingJson(t) : s.TargetingJson;
    }

    public static AdSet NewAdSet(long userId, AdSetInput input, DeliveryStatus status, DateTime now) => new()
    {
        UserId = userId, Name = input.Name.Trim(), Status = DeliveryStatus.Active, BudgetType = input.BudgetType, Budget = input.Budget,
        TargetingJson = CampaignMapping.TargetingJson(input.Targeting), CreatedAt = now, UpdatedAt = now,
        Ads = input.Ads.Select(a => NewAd(userId, a, status, now)).ToList(),
    };

    public static Ad NewAd(long userId, AdInput input, DeliveryStatus status, DateTime now) => new()
    {
        UserId = userId, Name = input.Name.Trim(), Status = DeliveryStatus.Active, CreativeId = input.CreativeId, Headline = input.Headline,
        PrimaryText = input.PrimaryText, CallToAction = input.CallToAction, LandingPageUrl = input.LandingPageUrl, LandingPageId = input.LandingPageId, CreatedAt = now, UpdatedAt = now,
    };
}
