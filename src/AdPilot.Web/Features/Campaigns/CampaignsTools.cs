using System.ComponentModel;
using AdPilot.Core.Actions;
using AdPilot.Core.Campaigns;
using AdPilot.Core.Common;
using AdPilot.Web.Features.Mcp;
using ModelContextProtocol.Server;

namespace AdPilot.Web.Features.Campaigns;

/// <summary>
/// MCP tools over <see cref="CampaignService"/>: campaign &gt; ad set &gt; ad on the user's ad platforms. Every write is
/// previewed by <see cref="CampaignChanges"/> and guarded by <see cref="CampaignWrites"/> (dry run, confirm, action log).
/// </summary>
[McpServerToolType]
internal sealed class CampaignsTools(ToolCaller caller, CampaignService campaigns, CampaignChanges changes, ActionLogService actions)
{
    private const string DryRunHelp = "True to preview: returns each field before → after and changes nothing. Preview first and show the user.";
    private const string ConfirmHelp = "Must be true to apply a deletion or a budget raise of more than 50 %; otherwise the call fails with confirmation_required.";

    private readonly CampaignWrites _writes = new(caller, actions, campaigns, changes);

    [McpServerTool(Name = "get_campaigns", Title = "List campaigns", UseStructuredContent = true, ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("Lists the user's campaigns across their ad accounts, newest first, with status, budget, currency, schedule and whether the last " +
        "change reached the ad platform (sync_status). Filter by ad account, status or name; page with cursor.")]
    public async Task<ToolPage<CampaignSummary>> GetCampaignsAsync(
        [Description("Only this ad account's campaigns (id from list_ad_accounts).")] long? ad_account_id = null,
        [Description("Only campaigns with this delivery status: active, paused or archived.")] DeliveryStatus? status = null,
        [Description("Only campaigns in this sync state: pending, synced or sync_failed (the platform refused the last change).")] SyncStatus? sync_status = null,
        [Description("Only campaigns whose name contains this text.")] string? search = null,
        [Description("Order by created (newest first, the default), name or budget.")] string? sort = null,
        [Description("The next_cursor of the previous page; omit for the first page.")] string? cursor = null,
        [Description("Campaigns per page, 1 to 100 (default 25).")] int? page_size = null,
        CancellationToken ct = default) =>
        ToolPaging.From(await campaigns.ListAsync(caller.UserId, new CampaignQuery
        {
            AdAccountId = ad_account_id, Status = status, SyncStatus = sync_status, Search = search, Sort = sort ?? "created",
            Descending = sort is null or "created", Page = ToolPaging.Page(cursor), PageSize = ToolPaging.PageSize(page_size),
        }, ct));

    [McpServerTool(Name = "get_campaign", Title = "Get a campaign", UseStructuredContent = true, ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("One campaign with its ad sets (budget, targeting) and their ads (creative, texts, landing page), with ids for the other campaign tools.")]
    public Task<CampaignDetail> GetCampaignAsync(
        [Description("The campaign's id, from get_campaigns.")] long campaign_id,
        CancellationToken ct = default) =>
        campaigns.GetAsync(caller.UserId, campaign_id, ct);

    [McpServerTool(Name = "create_campaign", Title = "Create a campaign", UseStructuredContent = true, ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true)]
    [Description("Creates a campaign (optionally with ad sets and ads) on the ad account's platform. It is created paused unless activate is true, " +
        "so nothing spends until the user says so. The currency is the ad account's. Preview with dry_run first.")]
    public async Task<WriteOutcome<CampaignDetail>> CreateCampaignAsync(
        [Description("The ad account to create it in (id from list_ad_accounts).")] long ad_account_id,
        [Description("The campaign's name, up to 200 characters.")] string name,
        [Description("The budget in the ad account's currency, 1 to 1,000,000.")] decimal budget,
        [Description("What the campaign optimises for: awareness, traffic, engagement, leads, app_promotion or sales (default).")] CampaignObjective objective = CampaignObjective.Sales,
        [Description("daily (default) or lifetime.")] BudgetType budget_type = BudgetType.Daily,
        [Description("First day, yyyy-MM-dd in the ad account's time zone; omit to start at once.")] DateOnly? start_date = null,
        [Description("Last day, yyyy-MM-dd, on or after start_date; omit to run until paused.")] DateOnly? end_date = null,
        [Description("True to start delivering (and spending) at once; by default the campaign is created paused.")] bool activate = false,
        [Description("Ad sets to create in it, each with its targeting and ads; may be empty.")] IReadOnlyList<AdSetInput>? ad_sets = null,
        [Description(DryRunHelp)] bool dry_run = false,
        CancellationToken ct = default)
    {
        var request = new CreateCampaignRequest
        {
            AdAccountId = ad_account_id, Name = name, Objective = objective, BudgetType = budget_type, Budget = budget, StartDate = start_date,
            EndDate = end_date, Activate = activate, AdSets = ad_sets ?? [],
        };
        var change = await changes.CreateAsync(caller.UserId, request, ct);
        return await _writes.RunAsync("create_campaign", change, $"Create campaign \"{change.EntityName}\" ({(activate ? "active" : "paused")})", dry_run, false,
            async token => await campaigns.CreateAsync(caller.UserId, request, token), ct, created: d => (CampaignLevel.Campaign, d.Campaign.Id));
    }

    [McpServerTool(Name = "update_campaign", Title = "Update a campaign", UseStructuredContent = true, ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = true)]
    [Description("Changes a campaign's name, status, budget, schedule or targeting on its ad platform; omitted fields stay as they are. Targeting " +
        "applies to every ad set of the campaign (use update_ad_set for one). Raising the budget by more than 50 % needs confirm: true. Preview with dry_run first.")]
    public async Task<WriteOutcome<CampaignDetail>> UpdateCampaignAsync(
        [Description("The campaign's id, from get_campaigns.")] long campaign_id,
        [Description("A new name, up to 200 characters.")] string? name = null,
        [Description("active (deliver) or paused.")] DeliveryStatus? status = null,
        [Description("daily or lifetime.")] BudgetType? budget_type = null,
        [Description("The new budget in the campaign's currency, 1 to 1,000,000.")] decimal? budget = null,
        [Description("New first day, yyyy-MM-dd.")] DateOnly? start_date = null,
        [Description("New last day, yyyy-MM-dd, on or after the start date.")] DateOnly? end_date = null,
        [Description("New targeting for every ad set: locations (country codes), age_min, age_max, genders, interests, placements.")] TargetingInput? targeting = null,
        [Description(DryRunHelp)] bool dry_run = false,
        [Description(ConfirmHelp)] bool confirm = false,
        CancellationToken ct = default)
    {
        var request = new UpdateCampaignRequest { Name = name, BudgetType = budget_type, Budget = budget, StartDate = start_date, EndDate = end_date };
        var change = await changes.UpdateAsync(caller.UserId, campaign_id, request, status, targeting, ct);
        return await _writes.RunAsync("update_campaign", change, $"Update campaign \"{change.EntityName}\"", dry_run, confirm, async token =>
        {
            var detail = request == new UpdateCampaignRequest() ? null : await campaigns.UpdateAsync(caller.UserId, campaign_id, request, token);
            if (status is { } s)
            {
                detail = await campaigns.SetStatusAsync(caller.UserId, CampaignLevel.Campaign, campaign_id, s, token);
            }

            foreach (var adSet in targeting is null ? [] : (detail ?? await campaigns.GetAsync(caller.UserId, campaign_id, token)).AdSets)
            {
                detail = await campaigns.UpdateAdSetAsync(caller.UserId, campaign_id, adSet.Id, new UpdateAdSetRequest { Targeting = targeting }, token);
            }

            return detail;
        }, ct);
    }

    [McpServerTool(Name = "delete_campaign", Title = "Delete a campaign", UseStructuredContent = true, ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = true)]
    [Description("Deletes a campaign with its ad sets and ads, on the ad platform first (if the platform refuses, nothing is deleted). Needs confirm: true. " +
        "Preview with dry_run first; pausing (pause_campaign) is usually what the user wants instead.")]
    public async Task<WriteOutcome<CampaignDetail>> DeleteCampaignAsync(
        [Description("The campaign's id, from get_campaigns.")] long campaign_id,
        [Description(DryRunHelp)] bool dry_run = false,
        [Description(ConfirmHelp)] bool confirm = false,
        CancellationToken ct = default)
    {
        var change = await changes.DeleteAsync(caller.UserId, campaign_id, ct);
        return await _writes.RunAsync("delete_campaign", change, $"Delete campaign \"{change.EntityName}\"", dry_run, confirm, async token =>
        {
            await campaigns.DeleteAsync(caller.UserId, campaign_id, token);
            return null;
        }, ct);
    }

    [McpServerTool(Name = "pause_campaign", Title = "Pause a campaign", UseStructuredContent = true, ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Pauses a campaign on its ad platform: it stops delivering and spending until resumed. Preview with dry_run first.")]
    public Task<WriteOutcome<CampaignDetail>> PauseCampaignAsync(
        [Description("The campaign's id, from get_campaigns.")] long campaign_id,
        [Description(DryRunHelp)] bool dry_run = false,
        CancellationToken ct = default) =>
        SetStatusAsync("pause_campaign", CampaignLevel.Campaign, campaign_id, DeliveryStatus.Paused, dry_run, ct);

    [McpServerTool(Name = "resume_campaign", Title = "Resume a campaign", UseStructuredContent = true, ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Resumes (activates) a campaign on its ad platform: it starts delivering and spending its budget. Preview with dry_run first.")]
    public Task<WriteOutcome<CampaignDetail>> ResumeCampaignAsync(
        [Description("The campaign's id, from get_campaigns.")] long campaign_id,
        [Description(DryRunHelp)] bool dry_run = false,
        CancellationToken ct = default) =>
        SetStatusAsync("resume_campaign", CampaignLevel.Campaign, campaign_id, DeliveryStatus.Active, dry_run, ct);

    [McpServerTool(Name = "pause_ad_set", Title = "Pause an ad set", UseStructuredContent = true, ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Pauses one ad set on its ad platform; the campaign's other ad sets keep running. Preview with dry_run first.")]
    public Task<WriteOutcome<CampaignDetail>> PauseAdSetAsync(
        [Description("The ad set's id, from get_campaign.")] long ad_set_id,
        [Description(DryRunHelp)] bool dry_run = false,
        CancellationToken ct = default) =>
        SetStatusAsync("pause_ad_set", CampaignLevel.AdSet, ad_set_id, DeliveryStatus.Paused, dry_run, ct);

    [McpServerTool(Name = "resume_ad_set", Title = "Resume an ad set", UseStructuredContent = true, ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Resumes one ad set on its ad platform (it delivers when its campaign is active too). Preview with dry_run first.")]
    public Task<WriteOutcome<CampaignDetail>> ResumeAdSetAsync(
        [Description("The ad set's id, from get_campaign.")] long ad_set_id,
        [Description(DryRunHelp)] bool dry_run = false,
        CancellationToken ct = default) =>
        SetStatusAsync("resume_ad_set", CampaignLevel.AdSet, ad_set_id, DeliveryStatus.Active, dry_run, ct);

    [McpServerTool(Name = "pause_ad", Title = "Pause an ad", UseStructuredContent = true, ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Pauses one ad on its ad platform; the other ads of its ad set keep running. Preview with dry_run first.")]
    public Task<WriteOutcome<CampaignDetail>> PauseAdAsync(
        [Description("The ad's id, from get_campaign.")] long ad_id,
        [Description(DryRunHelp)] bool dry_run = false,
        CancellationToken ct = default) =>
        SetStatusAsync("pause_ad", CampaignLevel.Ad, ad_id, DeliveryStatus.Paused, dry_run, ct);

    [McpServerTool(Name = "resume_ad", Title = "Resume an ad", UseStructuredContent = true, ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Resumes one ad on its ad platform (it delivers when its ad set and campaign are active too). Preview with dry_run first.")]
    public Task<WriteOutcome<CampaignDetail>> ResumeAdAsync(
        [Description("The ad's id, from get_campaign.")] long ad_id,
        [Description(DryRunHelp)] bool dry_run = false,
        CancellationToken ct = default) =>
        SetStatusAsync("resume_ad", CampaignLevel.Ad, ad_id, DeliveryStatus.Active, dry_run, ct);

    [McpServerTool(Name = "create_ad_set", Title = "Create an ad set", UseStructuredContent = true, ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true)]
    [Description("Adds an ad set (audience, optional budget of its own, and ads) to a campaign on its ad platform. Preview with dry_run first.")]
    public async Task<WriteOutcome<CampaignDetail>> CreateAdSetAsync(
        [Description("The campaign to add it to, from get_campaigns.")] long campaign_id,
        [Description("The ad set's name, up to 200 characters.")] string name,
        [Description("daily or lifetime; required when budget is given.")] BudgetType? budget_type = null,
        [Description("A budget of its own in the campaign's currency, 1 to 1,000,000; omit to share the campaign's.")] decimal? budget = null,
        [Description("Who sees the ads: locations (country codes, default US), age_min, age_max, genders, interests, placements.")] TargetingInput? targeting = null,
        [Description("Ads to create in it; may be empty (add them later with create_ad).")] IReadOnlyList<AdInput>? ads = null,
        [Description(DryRunHelp)] bool dry_run = false,
        CancellationToken ct = default)
    {
        var input = new AdSetInput { Name = name, BudgetType = budget_type, Budget = budget, Targeting = targeting ?? new TargetingInput(), Ads = ads ?? [] };
        var change = await changes.AddAdSetAsync(caller.UserId, campaign_id, input, ct);
        return await _writes.RunAsync("create_ad_set", change, $"Create ad set \"{change.EntityName}\"", dry_run, false,
            async token => await campaigns.AddAdSetAsync(caller.UserId, campaign_id, input, token), ct,
            created: d => (CampaignLevel.AdSet, d.AdSets.Max(s => s.Id)));
    }

    [McpServerTool(Name = "update_ad_set", Title = "Update an ad set", UseStructuredContent = true, ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = true)]
    [Description("Changes one ad set's name, budget or targeting on its ad platform; omitted fields stay as they are. Raising its budget by more than " +
        "50 % needs confirm: true. Preview with dry_run first.")]
    public async Task<WriteOutcome<CampaignDetail>> UpdateAdSetAsync(
        [Description("The ad set's id, from get_campaign.")] long ad_set_id,
        [Description("A new name, up to 200 characters.")] string? name = null,
        [Description("daily or lifetime.")] BudgetType? budget_type = null,
        [Description("The new budget in the campaign's currency, 1 to 1,000,000.")] decimal? budget = null,
        [Description("New targeting: locations (country codes), age_min, age_max, genders, interests, placements.")] TargetingInput? targeting = null,
        [Description(DryRunHelp)] bool dry_run = false,
        [Description(ConfirmHelp)] bool confirm = false,
        CancellationToken ct = default)
    {
        var request = new UpdateAdSetRequest { Name = name, BudgetType = budget_type, Budget = budget, Targeting = targeting };
        var change = await changes.UpdateAdSetAsync(caller.UserId, ad_set_id, request, ct);
        return await _writes.RunAsync("update_ad_set", change, $"Update ad set \"{change.EntityName}\"", dry_run, confirm,
            async token => await campaigns.UpdateAdSetAsync(caller.UserId, change.CampaignId!.Value, ad_set_id, request, token), ct);
    }

    [McpServerTool(Name = "create_ad", Title = "Create an ad", UseStructuredContent = true, ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true)]
    [Description("Adds an ad to an ad set on its ad platform: a creative from get_creatives, texts and a landing page. Preview with dry_run first.")]
    public async Task<WriteOutcome<CampaignDetail>> CreateAdAsync(
        [Description("The ad set to add it to, from get_campaign.")] long ad_set_id,
        [Description("The ad's name, up to 200 characters.")] string name,
        [Description("The creative (image or video) to show, from get_creatives.")] long? creative_id = null,
        [Description("The headline, up to 255 characters.")] string? headline = null,
        [Description("The main text, up to 2,000 characters.")] string? primary_text = null,
        [Description("The button, e.g. SHOP_NOW, LEARN_MORE, SIGN_UP.")] string? call_to_action = null,
        [Description("Where a click goes: an http(s) URL.")] string? landing_page_url = null,
        [Description(DryRunHelp)] bool dry_run = false,
        CancellationToken ct = default)
    {
        var input = new AdInput
        {
            Name = name, CreativeId = creative_id, Headline = headline, PrimaryText = primary_text, CallToAction = call_to_action, LandingPageUrl = landing_page_url,
        };
        var change = await changes.AddAdAsync(caller.UserId, ad_set_id, input, ct);
        return await _writes.RunAsync("create_ad", change, $"Create ad \"{change.EntityName}\"", dry_run, false,
            async token => await campaigns.AddAdAsync(caller.UserId, change.CampaignId!.Value, ad_set_id, input, token), ct,
            created: d => (CampaignLevel.Ad, d.AdSets.Single(s => s.Id == ad_set_id).Ads.Max(a => a.Id)));
    }

    private async Task<WriteOutcome<CampaignDetail>> SetStatusAsync(string action, CampaignLevel level, long id, DeliveryStatus status, bool dryRun, CancellationToken ct)
    {
        var change = await changes.SetStatusAsync(caller.UserId, level, id, status, ct);
        var verb = status == DeliveryStatus.Active ? "Resume" : "Pause";
        return await _writes.RunAsync(action, change, $"{verb} {change.EntityType.Replace('_', ' ')} \"{change.EntityName}\"", dryRun, false,
            async token => await campaigns.SetStatusAsync(caller.UserId, level, id, status, token), ct);
    }
}
