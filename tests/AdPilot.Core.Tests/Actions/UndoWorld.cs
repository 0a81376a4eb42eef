using System.Text.Json.Nodes;
using AdPilot.Core.Actions;
using AdPilot.Core.AdAccounts;
using AdPilot.Core.Campaigns;
using AdPilot.Core.Platforms;
using AdPilot.Core.Platforms.Simulated;
using AdPilot.Core.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AdPilot.Core.Tests.Actions;

/// <summary>
/// A user with the simulated platform bound, a campaign tree on it, and the services an undo runs through. Changes are
/// made as the tools make them: previewed by <see cref="CampaignChanges"/>, applied by <see cref="CampaignService"/>,
/// logged with the fields that differ.
/// </summary>
internal sealed record UndoWorld(
    TestDatabase Db, FakeTimeProvider Clock, SimulatedFaults Faults, AdAccountService Accounts, CampaignService Campaigns, CampaignChanges Changes,
    ActionLogService Log, ActionUndo Undo, long UserId, long AccountId, CampaignDetail Tree)
{
    public static readonly Actor Mcp = new(ActionSources.Mcp, "Claude");
    private static readonly Uri Callback = new("http://localhost:5080/api/v1/ad-accounts/callback/simulated");

    public long CampaignId => Tree.Campaign.Id;
    public long AdSetId => Tree.AdSets[0].Id;
    public long AdId => Tree.AdSets[0].Ads[0].Id;

    public static async Task<UndoWorld> CreateAsync(TestDatabase db, string email = "undo@example.com")
    {
        var clock = TestClock.At2026();
        var faults = new SimulatedFaults();
        var platform = ServiceFactory.Simulated(clock, faults);
        var accounts = ServiceFactory.AdAccounts(db, clock, platform);
        var user = await Seed.UserAsync(db, email);
        var consent = await accounts.ConnectAsync(user, AdPlatformKind.Simulated, Callback);
        var query = System.Web.HttpUtility.ParseQueryString(consent.AuthorizeUrl.Query);
        var accountId = (await accounts.CompleteAsync(user, AdPlatformKind.Simulated, platform.IssueCode(user, query["code_challenge"], Callback), query["state"], null))[0].Id;
        var campaigns = ServiceFactory.Campaigns(db, clock, accounts);
        var changes = new CampaignChanges(db, accounts, clock);
        var log = new ActionLogService(db, clock);
        var undo = new ActionUndo(db, log, changes, new CampaignReverts(db, campaigns), clock);
        var tree = await campaigns.CreateAsync(user, new CreateCampaignRequest
        {
            AdAccountId = accountId, Name = "Black Friday", BudgetType = BudgetType.Daily, Budget = 100m, EndDate = new DateOnly(2026, 12, 20),
            AdSets = [new AdSetInput { Name = "Broad", BudgetType = BudgetType.Daily, Budget = 20m, Ads = [new AdInput { Name = "Hero", Headline = "Hello" }] }],
        });
        return new UndoWorld(db, clock, faults, accounts, campaigns, changes, log, undo, user, accountId, tree);
    }

    /// <summary>Applies a change the way the write tools do and returns its action-log entry.</summary>
    public async Task<ActionLogView> ApplyAsync(string action, CampaignChange change, Func<Task<CampaignDetail>> apply)
    {
        await apply();
        var (before, after) = (change.Before!, change.After!);
        var fields = before.Select(f => f.Key).Where(f => !JsonNode.DeepEquals(before[f], after[f])).ToList();
        return await Log.RecordAsync(UserId, Mcp, new ActionRecord(action, change.EntityType, change.EntityId, change.EntityName, $"{action} {change.EntityName}",
            new JsonObject(fields.Select(f => KeyValuePair.Create(f, before[f]?.DeepClone()))),
            new JsonObject(fields.Select(f => KeyValuePair.Create(f, after[f]?.DeepClone())))));
    }

    public async Task<ActionLogView> SetStatusAsync(CampaignLevel level, long id, DeliveryStatus status)
    {
        var change = await Changes.SetStatusAsync(UserId, level, id, status);
        var verb = status == DeliveryStatus.Active ? "resume" : "pause";
        return await ApplyAsync($"{verb}_{change.EntityType}", change, () => Campaigns.SetStatusAsync(UserId, level, id, status));
    }

    public async Task<PlatformCampaign> RemoteCampaignAsync()
    {
        var (platform, access) = await Accounts.AccessAsync(UserId, AccountId);
        return (await platform.ListCampaignsAsync(access, default)).Single(c => c.Id == Tree.Campaign.PlatformCampaignId);
    }

    public async Task<PlatformAdSet> RemoteAdSetAsync()
    {
        var (platform, access) = await Accounts.AccessAsync(UserId, AccountId);
        return (await platform.ListAdSetsAsync(access, Tree.Campaign.PlatformCampaignId!, default)).Single(s => s.Id == Tree.AdSets[0].PlatformAdSetId);
    }

    public async Task<PlatformAd> RemoteAdAsync()
    {
        var (platform, access) = await Accounts.AccessAsync(UserId, AccountId);
        return (await platform.ListAdsAsync(access, Tree.AdSets[0].PlatformAdSetId!, default)).Single(a => a.Id == Tree.AdSets[0].Ads[0].PlatformAdId);
    }
}
