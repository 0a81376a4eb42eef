using System.Text.Json;

namespace AdPilot.Core.Platforms.TikTok;

public sealed partial class TikTokAdsClient
{
    public async Task<IReadOnlyList<PlatformCampaign>> ListCampaignsAsync(PlatformAccess access, CancellationToken ct)
    {
        var rows = await GetAllAsync<TikTokCampaignDto>("campaign/get/", access.AccessToken, [P("advertiser_id", access.AccountId)], ct);
        return [.. rows.Select(c => new PlatformCampaign(c.CampaignId, c.CampaignName ?? "", TikTokMapping.ObjectiveName(c.ObjectiveType),
            TikTokMapping.Status(c.OperationStatus), TikTokMapping.BudgetType(c.BudgetMode), TikTokMapping.BudgetType(c.BudgetMode) is null ? null : c.Budget, null, null))];
    }

    public async Task<IReadOnlyList<PlatformAdSet>> ListAdSetsAsync(PlatformAccess access, string campaignId, CancellationToken ct)
    {
        var rows = await GetAllAsync<TikTokAdGroupDto>("adgroup/get/", access.AccessToken,
            [P("advertiser_id", access.AccountId), P("filtering", Json(new Dictionary<string, string[]> { ["campaign_ids"] = [campaignId] }))], ct);
        return [.. rows.Select(g => new PlatformAdSet(g.AdgroupId, g.CampaignId ?? campaignId, g.AdgroupName ?? "", TikTokMapping.Status(g.OperationStatus),
            TikTokMapping.BudgetType(g.BudgetMode), TikTokMapping.BudgetType(g.BudgetMode) is null ? null : g.Budget))];
    }

    public async Task<IReadOnlyList<PlatformAd>> ListAdsAsync(PlatformAccess access, string adSetId, CancellationToken ct)
    {
        var rows = await GetAllAsync<TikTokAdDto>("ad/get/", access.AccessToken,
            [P("advertiser_id", access.AccountId), P("filtering", Json(new Dictionary<string, string[]> { ["adgroup_ids"] = [adSetId] }))], ct);
        var reviews = await RejectionsAsync(access, [.. rows.Where(a => a.SecondaryStatus == TikTokReview.Denied).Select(a => a.AdId)], ct);
        return [.. rows.Select(a => new PlatformAd(a.AdId, a.AdgroupId ?? adSetId, a.AdName ?? "", TikTokMapping.Status(a.OperationStatus), a.VideoId ?? a.ImageIds?.FirstOrDefault(),
            Review: TikTokReview.Map(a.SecondaryStatus, reviews.GetValueOrDefault(a.AdId))))];
    }

    /// <summary>The review details of rejected ads (their reasons); without them the rejection is still reported, with a general reason.</summary>
    private async Task<IReadOnlyDictionary<string, TikTokAdReviewInfo>> RejectionsAsync(PlatformAccess access, IReadOnlyList<string> adIds, CancellationToken ct)
    {
        if (adIds.Count == 0)
        {
            return new Dictionary<string, TikTokAdReviewInfo>();
        }

        try
        {
            var data = await GetAsync<TikTokReviewData>("ad/review_info/", access.AccessToken, [P("advertiser_id", access.AccountId), P("ad_ids", Json(adIds))], ct);
            return data.AdReviewMap ?? [];
        }
        catch (PlatformException ex) when (ex.Kind is not PlatformErrorKind.AuthExpired)
        {
            return new Dictionary<string, TikTokAdReviewInfo>();
        }
    }

    public async Task<string> CreateCampaignAsync(PlatformAccess access, CampaignSpec spec, CancellationToken ct)
    {
        var body = CampaignBody(access, spec);
        body["objective_type"] = TikTokMapping.Objective(spec.Objective);
        body["operation_status"] = TikTokMapping.OperationStatus(spec.Status);
        var created = await PostAsync<TikTokCreated>("campaign/create/", access.AccessToken, body, ct);
        return created.CampaignId ?? throw new PlatformException(PlatformErrorKind.Transient, "TikTok returned no campaign_id.");
    }

    public async Task UpdateCampaignAsync(PlatformAccess access, string campaignId, CampaignSpec spec, CancellationToken ct)
    {
        var body = CampaignBody(access, spec);
        body["campaign_id"] = campaignId;
        await PostAsync<JsonElement>("campaign/update/", access.AccessToken, body, ct);
        await SetStatusAsync(access, PlatformLevel.Campaign, campaignId, spec.Status, ct);
    }

    public async Task<string> CreateAdSetAsync(PlatformAccess access, string campaignId, AdSetSpec spec, CancellationToken ct)
    {
        var body = AdGroupBody(access, spec);
        body["campaign_id"] = campaignId;
        body["placement_type"] = "PLACEMENT_TYPE_AUTOMATIC";
        body["schedule_type"] = "SCHEDULE_FROM_NOW";
        body["schedule_start_time"] = Now.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        body["optimization_goal"] = "CLICK";
        body["billing_event"] = "CPC";
        body["bid_type"] = "BID_TYPE_NO_BID";
        body["operation_status"] = TikTokMapping.OperationStatus(spec.Status);
        var created = await PostAsync<TikTokCreated>("adgroup/create/", access.AccessToken, body, ct);
        return created.AdgroupId ?? throw new PlatformException(PlatformErrorKind.Transient, "TikTok returned no adgroup_id.");
    }

    public async Task UpdateAdSetAsync(PlatformAccess access, string adSetId, AdSetSpec spec, CancellationToken ct)
    {
        var body = AdGroupBody(access, spec);
        body["adgroup_id"] = adSetId;
        await PostAsync<JsonElement>("adgroup/update/", access.AccessToken, body, ct);
        await SetStatusAsync(access, PlatformLevel.AdSet, adSetId, spec.Status, ct);
    }

    public async Task<string> CreateAdAsync(PlatformAccess access, string adSetId, AdSpec spec, CancellationToken ct)
    {
        var body = new Dictionary<string, object?>
        {
            ["advertiser_id"] = access.AccountId,
            ["adgroup_id"] = adSetId,
            ["operation_status"] = TikTokMapping.OperationStatus(spec.Status),
            ["creatives"] = new[] { Creative(spec, null) },
        };
        var created = await PostAsync<TikTokCreated>("ad/create/", access.AccessToken, body, ct);
        return created.AdIds?.FirstOrDefault() ?? throw new PlatformException(PlatformErrorKind.Transient, "TikTok returned no ad_ids.");
    }

    /// <summary>ad/update/ wants the ad group, so the ad is read first.</summary>
    public async Task UpdateAdAsync(PlatformAccess access, string adId, AdSpec spec, CancellationToken ct)
    {
        var ads = await GetAsync<TikTokList<TikTokAdDto>>("ad/get/", access.AccessToken,
            [P("advertiser_id", access.AccountId), P("filtering", Json(new Dictionary<string, string[]> { ["ad_ids"] = [adId] }))], ct);
        var ad = ads.List?.FirstOrDefault() ?? throw new PlatformException(PlatformErrorKind.NotFound, $"TikTok ad {adId} was not found.");
        var body = new Dictionary<string, object?>
        {
            ["advertiser_id"] = access.AccountId,
            ["adgroup_id"] = ad.AdgroupId,
            ["creatives"] = new[] { Creative(spec, adId) },
        };
        await PostAsync<JsonElement>("ad/update/", access.AccessToken, body, ct);
        await SetStatusAsync(access, PlatformLevel.Ad, adId, spec.Status, ct);
    }

    public Task SetStatusAsync(PlatformAccess access, PlatformLevel level, string id, PlatformStatus status, CancellationToken ct) =>
        ChangeStatusAsync(access, level, id, TikTokMapping.OperationStatus(status), ct);

    public Task DeleteAsync(PlatformAccess access, PlatformLevel level, string id, CancellationToken ct) =>
        ChangeStatusAsync(access, level, id, "DELETE", ct);

    private async Task ChangeStatusAsync(PlatformAccess access, PlatformLevel level, string id, string operationStatus, CancellationToken ct)
    {
        var entity = TikTokMapping.Entity(level);
        var body = new Dictionary<string, object?>
        {
            ["advertiser_id"] = access.AccountId,
            [$"{entity}_ids"] = new[] { id },
            ["operation_status"] = operationStatus,
        };
        await PostAsync<JsonElement>($"{entity}/status/update/", access.AccessToken, body, ct, idempotent: true);
    }

    private static Dictionary<string, object?> CampaignBody(PlatformAccess access, CampaignSpec spec) => new()
    {
        ["advertiser_id"] = access.AccountId,
        ["campaign_name"] = spec.Name,
        ["budget_mode"] = TikTokMapping.BudgetMode(spec.BudgetType),
        ["budget"] = spec.Budget,
    };

    private static Dictionary<string, object?> AdGroupBody(PlatformAccess access, AdSetSpec spec)
    {
        var body = new Dictionary<string, object?>
        {
            ["advertiser_id"] = access.AccountId,
            ["adgroup_name"] = spec.Name,
            ["budget_mode"] = spec.BudgetType is { } type ? TikTokMapping.BudgetMode(type) : "BUDGET_MODE_INFINITE",
            ["budget"] = spec.Budget,
        };
        if (spec.Targeting.Genders.Count == 1)
        {
            body["gender"] = string.Equals(spec.Targeting.Genders[0], "female", StringComparison.OrdinalIgnoreCase) ? "GENDER_FEMALE" : "GENDER_MALE";
        }

        if (spec.Targeting.Interests.Count > 0)
        {
            body["interest_category_ids"] = spec.Targeting.Interests;
        }

        return body;
    }

    private static Dictionary<string, object?> Creative(AdSpec spec, string? adId) => new()
    {
        ["ad_id"] = adId,
        ["ad_name"] = spec.Name,
        ["ad_format"] = "SINGLE_IMAGE",
        ["image_ids"] = spec.CreativeRef is null ? null : new[] { spec.CreativeRef },
        ["ad_text"] = spec.PrimaryText ?? spec.Headline,
        ["call_to_action"] = spec.CallToAction,
        ["landing_page_url"] = spec.LandingPageUrl,
    };
}
