using System.Globalization;

namespace AdPilot.Core.Platforms.GoogleAds;

public sealed partial class GoogleAdsClient
{
    public async Task<IReadOnlyList<PlatformCampaign>> ListCampaignsAsync(PlatformAccess access, CancellationToken ct)
    {
        var rows = await SearchAsync(access,
            "SELECT campaign.id, campaign.name, campaign.status, campaign.advertising_channel_type, campaign.start_date_time, campaign.end_date_time, "
            + "campaign_budget.amount_micros, campaign_budget.total_amount_micros FROM campaign WHERE campaign.status != 'REMOVED'", ct);
        return [.. rows.Where(r => r.Campaign is not null).Select(r =>
        {
            var c = r.Campaign!;
            var b = r.CampaignBudget;
            var (type, amount) = b?.AmountMicros is > 0 ? (PlatformBudgetType.Daily, GoogleAdsMapping.FromMicros(b.AmountMicros))
                : b?.TotalAmountMicros is > 0 ? (PlatformBudgetType.Lifetime, GoogleAdsMapping.FromMicros(b.TotalAmountMicros))
                : ((PlatformBudgetType?)null, (decimal?)null);
            return new PlatformCampaign(Id(c.Id), c.Name ?? "", GoogleAdsMapping.ObjectiveName(c.AdvertisingChannelType), GoogleAdsMapping.Status(c.Status),
                type, amount, Date(c.StartDateTime), Date(c.EndDateTime));
        })];
    }

    public async Task<IReadOnlyList<PlatformAdSet>> ListAdSetsAsync(PlatformAccess access, string campaignId, CancellationToken ct)
    {
        var rows = await SearchAsync(access,
            $"SELECT ad_group.id, ad_group.name, ad_group.status, ad_group.campaign FROM ad_group WHERE campaign.id = {GoogleAdsMapping.Digits(campaignId)} AND ad_group.status != 'REMOVED'", ct);
        return [.. rows.Where(r => r.AdGroup is not null).Select(r => new PlatformAdSet(Id(r.AdGroup!.Id), campaignId, r.AdGroup.Name ?? "",
            GoogleAdsMapping.Status(r.AdGroup.Status), null, null))];
    }

    /// <summary>Ad ids are <c>{adGroupId}~{adId}</c>, the key of Google's ad group ad resource.</summary>
    public async Task<IReadOnlyList<PlatformAd>> ListAdsAsync(PlatformAccess access, string adSetId, CancellationToken ct)
    {
        var rows = await SearchAsync(access,
            $"SELECT ad_group_ad.ad.id, ad_group_ad.ad.name, ad_group_ad.status, {GoogleAdsReview.Fields}, ad_group.id FROM ad_group_ad WHERE ad_group.id = {GoogleAdsMapping.Digits(adSetId)} AND ad_group_ad.status != 'REMOVED'", ct);
        return [.. rows.Where(r => r.AdGroupAd?.Ad is not null).Select(r => new PlatformAd($"{adSetId}~{Id(r.AdGroupAd!.Ad!.Id)}", adSetId,
            r.AdGroupAd.Ad.Name ?? "", GoogleAdsMapping.Status(r.AdGroupAd.Status), null, Review: GoogleAdsReview.Map(r.AdGroupAd.PolicySummary)))];
    }

    /// <summary>A campaign needs its own budget first (<c>campaignBudgets:mutate</c>), then <c>campaigns:mutate</c>.</summary>
    public async Task<string> CreateCampaignAsync(PlatformAccess access, CampaignSpec spec, CancellationToken ct)
    {
        var budget = (await MutateAsync(access, "campaignBudgets", [new { create = BudgetFields(spec, $"{spec.Name} budget {time.GetUtcNow().ToUnixTimeMilliseconds()}") }], ct)).Single();
        var campaign = new Dictionary<string, object?>
        {
            ["name"] = spec.Name,
            ["status"] = GoogleAdsMapping.Status(spec.Status),
            ["advertisingChannelType"] = GoogleAdsMapping.ChannelType(spec.Objective),
            ["campaignBudget"] = budget,
            ["startDateTime"] = StartOfDay(spec.StartDate),
            ["endDateTime"] = EndOfDay(spec.EndDate),
            ["targetSpend"] = new Dictionary<string, object>(), // "Maximize clicks" within the budget (MaximizeClicks is a keyword-plan type)
            // Required on create since v19.2 (FieldError.REQUIRED otherwise); AdPilot does not run EU political ads.
            ["containsEuPoliticalAdvertising"] = "DOES_NOT_CONTAIN_EU_POLITICAL_ADVERTISING",
        };
        var created = await MutateAsync(access, "campaigns", [new { create = campaign }], ct);
        return GoogleAdsMapping.LastSegment(created.Single());
    }

    public async Task UpdateCampaignAsync(PlatformAccess access, string campaignId, CampaignSpec spec, CancellationToken ct)
    {
        var customerId = GoogleAdsMapping.CustomerId(access.AccountId);
        var update = new Dictionary<string, object?>
        {
            ["resourceName"] = GoogleAdsMapping.Resource(customerId, PlatformLevel.Campaign, campaignId),
            ["name"] = spec.Name,
            ["status"] = GoogleAdsMapping.Status(spec.Status),
            ["startDateTime"] = StartOfDay(spec.StartDate),
            ["endDateTime"] = EndOfDay(spec.EndDate),
        };
        var mask = string.Join(',', update.Where(p => p.Key != "resourceName" && p.Value is not null).Select(p => p.Key));
        await MutateAsync(access, "campaigns", [new { update, updateMask = mask }], ct);

        var rows = await SearchAsync(access, $"SELECT campaign.campaign_budget FROM campaign WHERE campaign.id = {GoogleAdsMapping.Digits(campaignId)}", ct);
        if (rows.FirstOrDefault()?.Campaign?.CampaignBudget is { Length: > 0 } budget)
        {
            var fields = BudgetFields(spec, name: null);
            fields["resourceName"] = budget;
            await MutateAsync(access, "campaignBudgets", [new { update = fields, updateMask = spec.BudgetType == PlatformBudgetType.Daily ? "amountMicros" : "totalAmountMicros" }], ct);
        }
    }

    /// <summary>Google budgets live on the campaign; an ad group's budget and targeting are not sent.</summary>
    public async Task<string> CreateAdSetAsync(PlatformAccess access, string campaignId, AdSetSpec spec, CancellationToken ct)
    {
        var customerId = GoogleAdsMapping.CustomerId(access.AccountId);
        var adGroup = new Dictionary<string, object?>
        {
            ["name"] = spec.Name,
            ["campaign"] = GoogleAdsMapping.Resource(customerId, PlatformLevel.Campaign, campaignId),
            ["status"] = GoogleAdsMapping.Status(spec.Status),
            ["type"] = "SEARCH_STANDARD",
        };
        return GoogleAdsMapping.LastSegment((await MutateAsync(access, "adGroups", [new { create = adGroup }], ct)).Single());
    }

    public Task UpdateAdSetAsync(PlatformAccess access, string adSetId, AdSetSpec spec, CancellationToken ct)
    {
        var update = new Dictionary<string, object?>
        {
            ["resourceName"] = GoogleAdsMapping.Resource(GoogleAdsMapping.CustomerId(access.AccountId), PlatformLevel.AdSet, adSetId),
            ["name"] = spec.Name,
            ["status"] = GoogleAdsMapping.Status(spec.Status),
        };
        return MutateAsync(access, "adGroups", [new { update, updateMask = "name,status" }], ct);
    }

    /// <summary>A responsive search ad from the headline, text and landing page.</summary>
    public async Task<string> CreateAdAsync(PlatformAccess access, string adSetId, AdSpec spec, CancellationToken ct)
    {
        var customerId = GoogleAdsMapping.CustomerId(access.AccountId);
        var adGroupAd = new Dictionary<string, object?>
        {
            ["adGroup"] = GoogleAdsMapping.Resource(customerId, PlatformLevel.AdSet, adSetId),
            ["status"] = GoogleAdsMapping.Status(spec.Status),
            ["ad"] = new Dictionary<string, object?>
            {
                ["name"] = spec.Name,
                ["finalUrls"] = spec.LandingPageUrl is null ? null : new[] { spec.LandingPageUrl },
                ["responsiveSearchAd"] = new Dictionary<string, object?>
                {
                    ["headlines"] = new[] { new { text = spec.Headline ?? spec.Name } },
                    ["descriptions"] = new[] { new { text = spec.PrimaryText ?? spec.Name } },
                },
            },
        };
        var created = (await MutateAsync(access, "adGroupAds", [new { create = adGroupAd }], ct)).Single();
        return GoogleAdsMapping.LastSegment(created);
    }

    /// <summary>Ads themselves are immutable on Google; only the ad group ad's status changes.</summary>
    public Task UpdateAdAsync(PlatformAccess access, string adId, AdSpec spec, CancellationToken ct) =>
        SetStatusAsync(access, PlatformLevel.Ad, adId, spec.Status, ct);

    public Task SetStatusAsync(PlatformAccess access, PlatformLevel level, string id, PlatformStatus status, CancellationToken ct)
    {
        var resource = GoogleAdsMapping.Resource(GoogleAdsMapping.CustomerId(access.AccountId), level, id);
        return MutateAsync(access, GoogleAdsMapping.Service(level), [new { update = new { resourceName = resource, status = GoogleAdsMapping.Status(status) }, updateMask = "status" }], ct);
    }

    public Task DeleteAsync(PlatformAccess access, PlatformLevel level, string id, CancellationToken ct) =>
        MutateAsync(access, GoogleAdsMapping.Service(level), [new { remove = GoogleAdsMapping.Resource(GoogleAdsMapping.CustomerId(access.AccountId), level, id) }], ct);

    private static Dictionary<string, object?> BudgetFields(CampaignSpec spec, string? name)
    {
        var fields = new Dictionary<string, object?> { ["name"] = name };
        if (spec.BudgetType == PlatformBudgetType.Daily)
        {
            fields["amountMicros"] = GoogleAdsMapping.Micros(spec.Budget).ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            fields["totalAmountMicros"] = GoogleAdsMapping.Micros(spec.Budget).ToString(CultureInfo.InvariantCulture);
            fields["period"] = "CUSTOM_PERIOD";
        }

        if (name is not null)
        {
            fields["deliveryMethod"] = "STANDARD";
            fields["explicitlyShared"] = false;
        }

        return fields;
    }

    // Since v23 campaign dates are date-times in the customer's time zone ("yyyy-MM-dd HH:mm:ss"); whole days here.
    private static string? StartOfDay(DateOnly? date) => date is { } day ? $"{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} 00:00:00" : null;

    private static string? EndOfDay(DateOnly? date) => date is { } day ? $"{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} 23:59:59" : null;

    private static string Id(long? id) => id?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value?.Length >= 10 ? value[..10] : value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
