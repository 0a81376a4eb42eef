using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdPilot.Core.AdAccounts;
using AdPilot.Core.Common;
using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Campaigns;

/// <summary>
/// A campaign write worked out before it is made: the entity and its fields before and after (<c>Before</c> is null for
/// a creation, <c>After</c> for a deletion). Field names are snake_case, as tools and the action log show them.
/// </summary>
public sealed record CampaignChange(string EntityType, long? EntityId, string EntityName, long? CampaignId, JsonObject? Before, JsonObject? After);

/// <summary>
/// Previews campaign writes without changing anything: it runs the checks the write runs (<see cref="CampaignRules"/>),
/// refuses when the ad account cannot be reached, and applies the same edits (<see cref="CampaignEdits"/>) to an entity
/// it never saves. Dry runs show its result; the action log keeps its before and after, enough to undo the change.
/// </summary>
public sealed class CampaignChanges(IDbContextFactory<AppDbContext> dbFactory, AdAccountService accounts, TimeProvider clock)
{
    public const string CampaignType = "campaign";
    public const string AdSetType = "ad_set";
    public const string AdType = "ad";

    /// <summary>How the log names fields inside values (targeting's <c>age_min</c>): what reading a value back must use too.</summary>
    internal static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async Task<CampaignChange> CreateAsync(long userId, CreateCampaignRequest request, CancellationToken ct = default)
    {
        CampaignRules.Validate(request);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await CampaignRules.OwnedAccountAsync(db, userId, request.AdAccountId, ct);
        await CampaignRules.EnsureCreativesAsync(db, userId, request.AdSets.SelectMany(s => s.Ads).Select(a => a.CreativeId), ct);
        await accounts.AccessAsync(userId, account.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var status = request.Activate ? DeliveryStatus.Active : DeliveryStatus.Paused;
        var campaign = new Campaign
        {
            AdAccountId = account.Id, Name = request.Name.Trim(), Objective = request.Objective, Status = status, BudgetType = request.BudgetType,
            Budget = request.Budget, Currency = account.Currency, StartDate = request.StartDate, EndDate = request.EndDate,
            AdSets = request.AdSets.Select(s => CampaignEdits.NewAdSet(userId, s, status, now)).ToList(),
        };
        return new CampaignChange(CampaignType, null, campaign.Name, null, null, Whole(campaign));
    }

    /// <param name="status">The delivery status to set, or null to keep it.</param>
    /// <param name="targeting">Targeting for every ad set of the campaign (the platforms target at ad set level), or null to keep it.</param>
    public async Task<CampaignChange> UpdateAsync(
        long userId, long id, UpdateCampaignRequest request, DeliveryStatus? status, TargetingInput? targeting, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaign = await CampaignRules.LoadAsync(db, userId, id, ct);
        CampaignRules.Validate(request, campaign);
        var adSetEdit = new UpdateAdSetRequest { Targeting = targeting };
        CampaignRules.Validate(adSetEdit);
        if (targeting is not null && campaign.AdSets.Count == 0)
        {
            // Targeting lives on ad sets; a campaign without any would silently ignore it.
            throw ValidationFailedException.For("targeting", "This campaign has no ad sets to target. Create one with its targeting first.");
        }

        await accounts.AccessAsync(userId, campaign.AdAccountId, ct);

        var before = Fields(campaign);
        CampaignEdits.Apply(request, campaign);
        campaign.Status = status ?? campaign.Status;
        var after = Fields(campaign);
        if (targeting is not null)
        {
            foreach (var adSet in campaign.AdSets)
            {
                before[TargetingField(adSet.Id)] = Targeting(adSet);
                CampaignEdits.Apply(adSetEdit, adSet);
                after[TargetingField(adSet.Id)] = Targeting(adSet);
            }
        }

        return new CampaignChange(CampaignType, campaign.Id, campaign.Name, campaign.Id, before, after);
    }

    public async Task<CampaignChange> UpdateAdSetAsync(long userId, long adSetId, UpdateAdSetRequest request, CancellationToken ct = default)
    {
        CampaignRules.Validate(request);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaign = await CampaignOfAsync(db, userId, CampaignLevel.AdSet, adSetId, ct);
        var adSet = campaign.AdSets.Single(s => s.Id == adSetId);
        await accounts.AccessAsync(userId, campaign.AdAccountId, ct);
        var before = Fields(adSet);
        CampaignEdits.Apply(request, adSet);
        return new CampaignChange(AdSetType, adSet.Id, adSet.Name, campaign.Id, before, Fields(adSet));
    }

    public async Task<CampaignChange> SetStatusAsync(long userId, CampaignLevel level, long id, DeliveryStatus status, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaign = await CampaignOfAsync(db, userId, level, id, ct);
        await accounts.AccessAsync(userId, campaign.AdAccountId, ct);
        var (type, name, current) = level switch
        {
            CampaignLevel.Campaign => (CampaignType, campaign.Name, campaign.Status),
            CampaignLevel.AdSet => campaign.AdSets.Where(s => s.Id == id).Select(s => (AdSetType, s.Name, s.Status)).Single(),
            _ => campaign.AdSets.SelectMany(s => s.Ads).Where(a => a.Id == id).Select(a => (AdType, a.Name, a.Status)).Single(),
        };
        return new CampaignChange(type, id, name, campaign.Id,
            new JsonObject { ["status"] = CampaignMapping.Name(current) }, new JsonObject { ["status"] = CampaignMapping.Name(status) });
    }

    /// <summary>A deletion keeps the whole tree as it was (ad sets, ads, targeting), enough to create it again.</summary>
    public async Task<CampaignChange> DeleteAsync(long userId, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaign = await CampaignRules.LoadAsync(db, userId, id, ct);
        if (campaign.PlatformCampaignId is not null)
        {
            await accounts.AccessAsync(userId, campaign.AdAccountId, ct);
        }

        return new CampaignChange(CampaignType, campaign.Id, campaign.Name, campaign.Id, Whole(campaign), null);
    }

    public async Task<CampaignChange> AddAdSetAsync(long userId, long campaignId, AdSetInput input, CancellationToken ct = default)
    {
        CampaignRules.Validate(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaign = await CampaignRules.LoadAsync(db, userId, campaignId, ct);
        await CampaignRules.EnsureCreativesAsync(db, userId, input.Ads.Select(a => a.CreativeId), ct);
        await accounts.AccessAsync(userId, campaign.AdAccountId, ct);
        var adSet = CampaignEdits.NewAdSet(userId, input, DeliveryStatus.Paused, clock.GetUtcNow().UtcDateTime);
        return new CampaignChange(AdSetType, null, adSet.Name, campaign.Id, null, Whole(adSet));
    }

    public async Task<CampaignChange> AddAdAsync(long userId, long adSetId, AdInput input, CancellationToken ct = default)
    {
        RequestValidator.Validate(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaign = await CampaignOfAsync(db, userId, CampaignLevel.AdSet, adSetId, ct);
        await CampaignRules.EnsureCreativesAsync(db, userId, [input.CreativeId], ct);
        await accounts.AccessAsync(userId, campaign.AdAccountId, ct);
        var ad = CampaignEdits.NewAd(userId, input, DeliveryStatus.Active, clock.GetUtcNow().UtcDateTime);
        return new CampaignChange(AdType, null, ad.Name, campaign.Id, null, Fields(ad));
    }

    /// <summary>An entity as it is now, children included: what the action log keeps of something just created.</summary>
    public async Task<JsonObject> StateAsync(long userId, CampaignLevel level, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaign = await CampaignOfAsync(db, userId, level, id, ct);
        var state = level switch
        {
            CampaignLevel.Campaign => Whole(campaign),
            CampaignLevel.AdSet => Whole(campaign.AdSets.Single(s => s.Id == id)),
            _ => Fields(campaign.AdSets.SelectMany(s => s.Ads).Single(a => a.Id == id)),
        };
        state["id"] = id;
        return state;
    }

    /// <summary>
    /// The entity's current values of the named fields, as a change of it names them (a campaign's <c>ad_sets.{id}.targeting</c>
    /// too); a field the entity no longer has (an ad set deleted since) is left out. Refuses, like a write, when the ad account
    /// cannot be reached, so an undo that could not sync is refused before anything changes.
    /// </summary>
    public async Task<JsonObject> CurrentAsync(long userId, CampaignLevel level, long id, IEnumerable<string> fields, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaign = await CampaignOfAsync(db, userId, level, id, ct);
        await accounts.AccessAsync(userId, campaign.AdAccountId, ct);
        var all = level switch
        {
            CampaignLevel.Campaign => Fields(campaign),
            CampaignLevel.AdSet => Fields(campaign.AdSets.Single(s => s.Id == id)),
            _ => Fields(campaign.AdSets.SelectMany(s => s.Ads).Single(a => a.Id == id)),
        };
        if (level == CampaignLevel.Campaign)
        {
            foreach (var adSet in campaign.AdSets)
            {
                all[TargetingField(adSet.Id)] = Targeting(adSet);
            }
        }

        var current = new JsonObject();
        foreach (var field in fields.Where(f => all.ContainsKey(f)))
        {
            current[field] = all[field]?.DeepClone();
        }

        return current;
    }

    public static string TargetingField(long adSetId) => $"ad_sets.{adSetId.ToString(CultureInfo.InvariantCulture)}.targeting";

    /// <summary>The campaign that holds the entity, with its tree; another user's id is not found, like a missing one.</summary>
    private static async Task<Campaign> CampaignOfAsync(AppDbContext db, long userId, CampaignLevel level, long id, CancellationToken ct)
    {
        var campaignId = level switch
        {
            CampaignLevel.Campaign => id,
            CampaignLevel.AdSet => await db.AdSets.Where(s => s.Id == id && s.UserId == userId).Select(s => (long?)s.CampaignId).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException("AdSet", id),
            _ => await db.Ads.Where(a => a.Id == id && a.UserId == userId)
                    .Join(db.AdSets, a => a.AdSetId, s => s.Id, (a, s) => (long?)s.CampaignId).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException("Ad", id),
        };
        return await CampaignRules.LoadAsync(db, userId, campaignId, ct);
    }

    private static JsonObject Fields(Campaign c) => new()
    {
        ["name"] = c.Name,
        ["status"] = CampaignMapping.Name(c.Status),
        ["budget_type"] = Name(c.BudgetType),
        ["budget"] = c.Budget,
        ["start_date"] = Date(c.StartDate),
        ["end_date"] = Date(c.EndDate),
    };

    private static JsonObject Whole(Campaign c)
    {
        var state = Fields(c);
        state["objective"] = c.Objective.ToString().ToLowerInvariant();
        state["currency"] = c.Currency;
        state["ad_account_id"] = c.AdAccountId;
        state["ad_sets"] = new JsonArray(c.AdSets.OrderBy(s => s.Id).Select(s => (JsonNode)Whole(s)).ToArray());
        return state;
    }

    private static JsonObject Fields(AdSet s) => new()
    {
        ["name"] = s.Name,
        ["status"] = CampaignMapping.Name(s.Status),
        ["budget_type"] = s.BudgetType is { } type ? Name(type) : null,
        ["budget"] = s.Budget,
        ["targeting"] = Targeting(s),
    };

    private static JsonObject Whole(AdSet s)
    {
        var state = Fields(s);
        state["ads"] = new JsonArray(s.Ads.OrderBy(a => a.Id).Select(a => (JsonNode)Fields(a)).ToArray());
        return state;
    }

    private static JsonObject Fields(Ad a) => new()
    {
        ["name"] = a.Name,
        ["status"] = CampaignMapping.Name(a.Status),
        ["creative_id"] = a.CreativeId,
        ["headline"] = a.Headline,
        ["primary_text"] = a.PrimaryText,
        ["call_to_action"] = a.CallToAction,
        ["landing_page_url"] = a.LandingPageUrl,
    };

    private static JsonNode? Targeting(AdSet s) => JsonSerializer.SerializeToNode(CampaignMapping.Targeting(s.TargetingJson), SnakeCase);

    private static string Name(BudgetType type) => type.ToString().ToLowerInvariant();

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
