using System.Globalization;
using System.Text.Json;

namespace AdPilot.Core.Platforms.Meta;

public sealed partial class MetaAdsClient
{
    public async Task<IReadOnlyList<PlatformCampaign>> ListCampaignsAsync(PlatformAccess access, CancellationToken ct)
    {
        var rows = await GetAllAsync<MetaCampaignDto>($"{MetaMapping.AccountPath(access.AccountId)}/campaigns", access.AccessToken,
            [P("fields", "id,name,objective,status,daily_budget,lifetime_budget,start_time,stop_time")], ct);
        return [.. rows.Select(c =>
        {
            var (type, amount) = MetaMapping.Budget(c.DailyBudget, c.LifetimeBudget);
            return new PlatformCampaign(c.Id, c.Name ?? "", MetaMapping.ObjectiveName(c.Objective), MetaMapping.Status(c.Status), type, amount,
                c.StartTime is { } s ? DateOnly.FromDateTime(s.Date) : null, c.StopTime is { } e ? DateOnly.FromDateTime(e.Date) : null);
        })];
    }

    public async Task<IReadOnlyList<PlatformAdSet>> ListAdSetsAsync(PlatformAccess access, string campaignId, CancellationToken ct)
    {
        var rows = await GetAllAsync<MetaAdSetDto>($"{campaignId}/adsets", access.AccessToken, [P("fields", "id,campaign_id,name,status,daily_budget,lifetime_budget")], ct);
        return [.. rows.Select(a =>
        {
            var (type, amount) = MetaMapping.Budget(a.DailyBudget, a.LifetimeBudget);
            return new PlatformAdSet(a.Id, a.CampaignId ?? campaignId, a.Name ?? "", MetaMapping.Status(a.Status), type, amount);
        })];
    }

    public async Task<IReadOnlyList<PlatformAd>> ListAdsAsync(PlatformAccess access, string adSetId, CancellationToken ct)
    {
        var rows = await GetAllAsync<MetaAdDto>($"{adSetId}/ads", access.AccessToken, [P("fields", $"id,adset_id,name,status,creative{{id}},{MetaReview.Fields}")], ct);
        return [.. rows.Select(a => new PlatformAd(a.Id, a.AdsetId ?? adSetId, a.Name ?? "", MetaMapping.Status(a.Status), a.Creative?.Id,
            Review: MetaReview.Map(a.EffectiveStatus, a.AdReviewFeedback)))];
    }

    public async Task<string> CreateCampaignAsync(PlatformAccess access, CampaignSpec spec, CancellationToken ct) =>
        (await PostAsync<MetaId>($"{MetaMapping.AccountPath(access.AccountId)}/campaigns", access, CampaignFields(spec, creating: true), ct)).Id;

    public Task UpdateCampaignAsync(PlatformAccess access, string campaignId, CampaignSpec spec, CancellationToken ct) =>
        PostAsync<JsonElement>(campaignId, access, CampaignFields(spec, creating: false), ct);

    public async Task<string> CreateAdSetAsync(PlatformAccess access, string campaignId, AdSetSpec spec, CancellationToken ct)
    {
        var fields = AdSetFields(spec);
        fields.AddRange([P("campaign_id", campaignId), P("billing_event", "IMPRESSIONS"), P("optimization_goal", "LINK_CLICKS"), P("bid_strategy", "LOWEST_COST_WITHOUT_CAP")]);
        return (await PostAsync<MetaId>($"{MetaMapping.AccountPath(access.AccountId)}/adsets", access, fields, ct)).Id;
    }

    public Task UpdateAdSetAsync(PlatformAccess access, string adSetId, AdSetSpec spec, CancellationToken ct) =>
        PostAsync<JsonElement>(adSetId, access, AdSetFields(spec), ct);

    /// <summary><see cref="AdSpec.CreativeRef"/> is a Meta ad creative id (built from an uploaded image hash with the Page).</summary>
    public async Task<string> CreateAdAsync(PlatformAccess access, string adSetId, AdSpec spec, CancellationToken ct)
    {
        var fields = AdFields(spec);
        fields.Add(P("adset_id", adSetId));
        return (await PostAsync<MetaId>($"{MetaMapping.AccountPath(access.AccountId)}/ads", access, fields, ct)).Id;
    }

    public Task UpdateAdAsync(PlatformAccess access, string adId, AdSpec spec, CancellationToken ct) =>
        PostAsync<JsonElement>(adId, access, AdFields(spec), ct);

    public Task SetStatusAsync(PlatformAccess access, PlatformLevel level, string id, PlatformStatus status, CancellationToken ct) =>
        level == PlatformLevel.Account
            ? throw new PlatformException(PlatformErrorKind.Validation, "Meta ad accounts cannot be paused through the API.")
            : PostAsync<JsonElement>(id, access, [P("status", MetaMapping.Status(status))], ct);

    public async Task DeleteAsync(PlatformAccess access, PlatformLevel level, string id, CancellationToken ct)
    {
        if (level == PlatformLevel.Account)
        {
            throw new PlatformException(PlatformErrorKind.Validation, "Meta ad accounts cannot be deleted through the API.");
        }

        await SendAsync<JsonElement>(HttpMethod.Delete, id, access.AccessToken, null, ct);
    }

    private Task<T> PostAsync<T>(string path, PlatformAccess access, IEnumerable<KeyValuePair<string, string?>> fields, CancellationToken ct) =>
        SendAsync<T>(HttpMethod.Post, path, access.AccessToken, null, ct,
            new FormUrlEncodedContent(fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Key, f.Value!))));

    private static List<KeyValuePair<string, string?>> CampaignFields(CampaignSpec spec, bool creating)
    {
        var fields = new List<KeyValuePair<string, string?>>
        {
            P("name", spec.Name),
            P("status", MetaMapping.Status(spec.Status)),
            P(MetaMapping.BudgetField(spec.BudgetType), MetaMapping.Cents(spec.Budget)),
            P("start_time", spec.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            P("stop_time", spec.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        };
        if (creating)
        {
            fields.Add(P("objective", MetaMapping.Objective(spec.Objective)));
            fields.Add(P("special_ad_categories", "[]"));
        }

        return fields;
    }

    private static List<KeyValuePair<string, string?>> AdSetFields(AdSetSpec spec)
    {
        var t = spec.Targeting;
        var targeting = new Dictionary<string, object?>
        {
            ["geo_locations"] = new Dictionary<string, object> { ["countries"] = t.Countries },
            ["age_min"] = t.AgeMin,
            ["age_max"] = t.AgeMax,
        };
        var genders = t.Genders.Select(g => g.ToUpperInvariant() switch { "MALE" => 1, "FEMALE" => 2, _ => 0 }).Where(g => g > 0).ToList();
        if (genders.Count > 0)
        {
            targeting["genders"] = genders;
        }

        if (t.Interests.Count > 0)
        {
            targeting["interests"] = t.Interests.Select(i => new Dictionary<string, string> { ["id"] = i }).ToList();
        }

        var fields = new List<KeyValuePair<string, string?>>
        {
            P("name", spec.Name),
            P("status", MetaMapping.Status(spec.Status)),
            P("targeting", JsonSerializer.Serialize(targeting.Where(p => p.Value is not null).ToDictionary(), MetaJson.Options)),
        };
        if (spec.BudgetType is { } type && spec.Budget is { } budget)
        {
            fields.Add(P(MetaMapping.BudgetField(type), MetaMapping.Cents(budget)));
        }

        return fields;
    }

    private static List<KeyValuePair<string, string?>> AdFields(AdSpec spec) =>
    [
        P("name", spec.Name),
        P("status", MetaMapping.Status(spec.Status)),
        P("creative", spec.CreativeRef is null ? null : JsonSerializer.Serialize(new Dictionary<string, string> { ["creative_id"] = spec.CreativeRef })),
    ];
}
