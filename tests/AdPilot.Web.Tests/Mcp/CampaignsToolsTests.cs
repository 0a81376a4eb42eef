using System.Text.Json;
using AdPilot.Core.Actions;
using AdPilot.Core.AdAccounts;
using AdPilot.Core.Data;
using AdPilot.Core.Identity;
using AdPilot.Core.Platforms;
using AdPilot.Core.Platforms.Simulated;
using AdPilot.Web.Tests.Support;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;

namespace AdPilot.Web.Tests.Mcp;

/// <summary>The campaign tools through a real MCP client, against the simulated platform: P24, P25, guardrails, action log.</summary>
public sealed class CampaignsToolsTests : IClassFixture<CampaignsToolsTests.Host>, IAsyncLifetime
{
    private static readonly string[] WriteTools =
    [
        "create_campaign", "update_campaign", "delete_campaign", "pause_campaign", "resume_campaign", "pause_ad_set", "resume_ad_set",
        "pause_ad", "resume_ad", "create_ad_set", "update_ad_set", "create_ad",
    ];

    private readonly Host _app;

    public CampaignsToolsTests(Host app) => _app = app;

    /// <summary>No background jobs: the first report sync would import the account's campaigns while a test compares snapshots.</summary>
    public sealed class Host : AdPilotFactory
    {
        public Host() => TestServices = s => s.AddSingleton<IBackgroundJobClient, DroppedJobs>();
    }

    private SimulatedFaults Faults => _app.Services.GetRequiredService<SimulatedFaults>();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Faults.Reset();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task EveryTool_SucceedsWithStructuredContentMatchingItsSchema()
    {
        var (_, _, client) = await SetUpAsync("camp-tools-all@example.com");
        await using var connection = client;
        var tree = await CreateTreeAsync(client);

        var page = await client.SucceedsAsync("get_campaigns", new { status = "paused", search = "Black", page_size = 10 });
        Assert.Equal(tree.CampaignId, page.GetProperty("items")[0].GetProperty("id").GetInt64());
        var detail = await client.SucceedsAsync("get_campaign", new { campaign_id = tree.CampaignId });
        Assert.Equal(tree.AdId, detail.GetProperty("ad_sets")[0].GetProperty("ads")[0].GetProperty("id").GetInt64());

        var updated = await client.SucceedsAsync("update_campaign", new
        {
            campaign_id = tree.CampaignId, name = "Black Friday v2", budget = 140m, end_date = "2026-12-31",
            targeting = new { locations = new[] { "US", "CA" }, age_min = 21, age_max = 50 },
        });
        Assert.True(updated.GetProperty("applied").GetBoolean());
        Assert.Equal(140m, updated.GetProperty("result").GetProperty("campaign").GetProperty("budget").GetDecimal());
        Assert.Equal(21, updated.GetProperty("result").GetProperty("ad_sets")[0].GetProperty("targeting").GetProperty("age_min").GetInt32());
        foreach (var (tool, id) in new[]
                 {
                     ("resume_campaign", (object)new { campaign_id = tree.CampaignId }), ("pause_campaign", new { campaign_id = tree.CampaignId }),
                     ("pause_ad_set", new { ad_set_id = tree.AdSetId }), ("resume_ad_set", new { ad_set_id = tree.AdSetId }),
                     ("pause_ad", new { ad_id = tree.AdId }), ("resume_ad", new { ad_id = tree.AdId }),
                 })
        {
            Assert.True((await client.SucceedsAsync(tool, id)).GetProperty("applied").GetBoolean(), tool);
        }

        var adSet = await client.SucceedsAsync("create_ad_set", new { campaign_id = tree.CampaignId, name = "Lookalike", budget_type = "daily", budget = 30m });
        var adSetId = adSet.GetProperty("result").GetProperty("ad_sets")[1].GetProperty("id").GetInt64();
        await client.SucceedsAsync("update_ad_set", new { ad_set_id = adSetId, budget = 40m, name = "Lookalike 2%" });
        var ad = await client.SucceedsAsync("create_ad", new { ad_set_id = adSetId, name = "Carousel", headline = "New in", landing_page_url = "https://shop.example.com/new" });
        Assert.Equal("Carousel", ad.GetProperty("result").GetProperty("ad_sets")[1].GetProperty("ads")[0].GetProperty("name").GetString());
        var deleted = await client.SucceedsAsync("delete_campaign", new { campaign_id = tree.CampaignId, confirm = true });
        Assert.True(deleted.GetProperty("applied").GetBoolean());
        await client.FailsAsync("get_campaign", new { campaign_id = tree.CampaignId }, code: "not_found");
    }

    [Fact]
    public async Task Create_IsPausedUnlessActivate_OnThePlatformToo()
    {
        var (user, accountId, client) = await SetUpAsync("camp-tools-create@example.com");
        await using var connection = client;

        var paused = await CreateTreeAsync(client);
        var active = await client.SucceedsAsync("create_campaign", new { ad_account_id = accountId, name = "Always on", budget = 10m, activate = true });

        var remote = (await PlatformAsync(user.Id, accountId)).Campaigns;
        Assert.Equal(PlatformStatus.Paused, remote.Single(c => c.Id == paused.PlatformCampaignId).Status);
        Assert.Equal(PlatformStatus.Active, remote.Single(c => c.Id == active.GetProperty("result").GetProperty("campaign").GetProperty("platform_campaign_id").GetString()).Status);
    }

    [Fact]
    public async Task DryRun_OfEveryWrite_ReturnsTheChange_AndChangesNothingInTheDatabaseOrOnThePlatform()
    {
        var (user, accountId, client) = await SetUpAsync("camp-tools-dry@example.com");
        await using var connection = client;
        var tree = await CreateTreeAsync(client);
        var before = await SnapshotAsync(user.Id, accountId);

        var calls = new (string Tool, object Args)[]
        {
            ("create_campaign", new { ad_account_id = accountId, name = "Preview only", budget = 10m, dry_run = true }),
            ("update_campaign", new { campaign_id = tree.CampaignId, budget = 500m, status = "active", targeting = new { locations = new[] { "DE" } }, dry_run = true }),
            ("delete_campaign", new { campaign_id = tree.CampaignId, dry_run = true }),
            ("resume_campaign", new { campaign_id = tree.CampaignId, dry_run = true }),
            ("pause_ad_set", new { ad_set_id = tree.AdSetId, dry_run = true }),
            ("pause_ad", new { ad_id = tree.AdId, dry_run = true }),
            ("create_ad_set", new { campaign_id = tree.CampaignId, name = "Preview set", dry_run = true }),
            ("update_ad_set", new { ad_set_id = tree.AdSetId, budget = 90m, dry_run = true }),
            ("create_ad", new { ad_set_id = tree.AdSetId, name = "Preview ad", dry_run = true }),
        };
        foreach (var (tool, args) in calls)
        {
            var outcome = await client.SucceedsAsync(tool, args);
            Assert.True(outcome.GetProperty("dry_run").GetBoolean(), tool);
            Assert.False(outcome.GetProperty("applied").GetBoolean(), tool);
            Assert.NotEqual(0, outcome.GetProperty("changes").GetArrayLength());
        }

        Assert.Equal(before, await SnapshotAsync(user.Id, accountId));
    }

    [Fact]
    public async Task DryRun_ShowsEachFieldBeforeAndAfter()
    {
        var (_, _, client) = await SetUpAsync("camp-tools-diff@example.com");
        await using var connection = client;
        var tree = await CreateTreeAsync(client);

        var preview = await client.SucceedsAsync("update_campaign", new { campaign_id = tree.CampaignId, budget = 120m, name = "Black Friday", dry_run = true });

        var change = Assert.Single(preview.GetProperty("changes").EnumerateArray());
        Assert.Equal(("budget", 100m, 120m), (change.GetProperty("field").GetString(), change.GetProperty("before").GetDecimal(), change.GetProperty("after").GetDecimal()));
    }

    [Fact]
    public async Task DryRun_OfAnInvalidChange_FailsLikeTheRealWrite()
    {
        var (_, accountId, client) = await SetUpAsync("camp-tools-invalid@example.com");
        await using var connection = client;
        var tree = await CreateTreeAsync(client);

        foreach (var dryRun in new[] { true, false })
        {
            var dates = await client.FailsAsync("update_campaign", new { campaign_id = tree.CampaignId, end_date = "2026-01-01", dry_run = dryRun }, code: "validation_failed");
            Assert.True(dates.GetProperty("errors").TryGetProperty("end_date", out _));
            var ages = await client.FailsAsync("update_ad_set", new { ad_set_id = tree.AdSetId, targeting = new { age_min = 40, age_max = 30 }, dry_run = dryRun }, code: "validation_failed");
            Assert.True(ages.GetProperty("errors").TryGetProperty("targeting.age_max", out _));
            await client.FailsAsync("create_campaign", new { ad_account_id = accountId, name = "x", budget = 0m, dry_run = dryRun }, code: "validation_failed");
            await client.FailsAsync("create_ad_set", new { campaign_id = tree.CampaignId, name = "x", budget = 10m, dry_run = dryRun }, code: "validation_failed");
            await client.FailsAsync("create_ad", new { ad_set_id = tree.AdSetId, name = "x", creative_id = 999_999, dry_run = dryRun }, code: "validation_failed");
        }
    }

    [Fact]
    public async Task Delete_WithoutConfirm_IsConfirmationRequired_AndNothingIsDeleted()
    {
        var (user, accountId, client) = await SetUpAsync("camp-tools-delete@example.com");
        await using var connection = client;
        var tree = await CreateTreeAsync(client);
        var before = await SnapshotAsync(user.Id, accountId);

        var error = await client.FailsAsync("delete_campaign", new { campaign_id = tree.CampaignId }, code: "confirmation_required");

        Assert.Contains("confirm: true", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(user.Id, accountId));
        await client.SucceedsAsync("delete_campaign", new { campaign_id = tree.CampaignId, confirm = true });
        Assert.DoesNotContain((await PlatformAsync(user.Id, accountId)).Campaigns, c => c.Id == tree.PlatformCampaignId);
    }

    [Fact]
    public async Task BudgetRaise_Over50Percent_NeedsConfirm_A40PercentRaiseDoesNot()
    {
        var (user, accountId, client) = await SetUpAsync("camp-tools-raise@example.com");
        await using var connection = client;
        var tree = await CreateTreeAsync(client);
        var before = await SnapshotAsync(user.Id, accountId);

        await client.FailsAsync("update_campaign", new { campaign_id = tree.CampaignId, budget = 151m }, code: "confirmation_required");
        await client.FailsAsync("update_ad_set", new { ad_set_id = tree.AdSetId, budget = 31m }, code: "confirmation_required");
        Assert.Equal(before, await SnapshotAsync(user.Id, accountId));

        Assert.True((await client.SucceedsAsync("update_campaign", new { campaign_id = tree.CampaignId, budget = 140m })).GetProperty("applied").GetBoolean());
        Assert.True((await client.SucceedsAsync("update_ad_set", new { ad_set_id = tree.AdSetId, budget = 28m })).GetProperty("applied").GetBoolean());
        var confirmed = await client.SucceedsAsync("update_campaign", new { campaign_id = tree.CampaignId, budget = 400m, confirm = true });
        Assert.Equal(400m, confirmed.GetProperty("result").GetProperty("campaign").GetProperty("budget").GetDecimal());
        Assert.Equal(400m, (await PlatformAsync(user.Id, accountId)).Campaigns.Single(c => c.Id == tree.PlatformCampaignId).Budget);
    }

    [Fact]
    public async Task AppliedWrites_AreInTheActionLog_WithWhatUndoNeeds()
    {
        var (user, _, client) = await SetUpAsync("camp-tools-log@example.com");
        await using var connection = client;
        var tree = await CreateTreeAsync(client);

        var updated = await client.SucceedsAsync("update_campaign", new
        {
            campaign_id = tree.CampaignId, budget = 120m, status = "active", end_date = "2027-01-31", targeting = new { locations = new[] { "FR" } },
        });
        await client.SucceedsAsync("pause_ad", new { ad_id = tree.AdId });
        await client.SucceedsAsync("delete_campaign", new { campaign_id = tree.CampaignId, confirm = true });

        var log = (await _app.Services.GetRequiredService<ActionLogService>().ListAsync(user.Id, new ActionLogQuery())).Items;
        Assert.Equal(["delete_campaign", "pause_ad", "update_campaign", "create_campaign"], log.Select(a => a.Action));
        Assert.All(log, a => Assert.Equal((ActionSources.Mcp, "test client"), (a.Source, a.Client)));

        var created = log[3];
        Assert.Null(created.Before);
        Assert.Equal((tree.CampaignId, "campaign"), (created.EntityId, created.EntityType));
        Assert.Equal(tree.CampaignId, created.After!["id"]!.GetValue<long>());
        Assert.Equal("Broad", created.After["ad_sets"]![0]!["name"]!.GetValue<string>());

        var update = log[2];
        Assert.Equal(updated.GetProperty("action_id").GetInt64(), update.Id);
        Assert.Equal((100m, "paused", "2026-12-20"), (update.Before!["budget"]!.GetValue<decimal>(), update.Before["status"]!.GetValue<string>(), update.Before["end_date"]!.GetValue<string>()));
        Assert.Equal((120m, "active", "2027-01-31"), (update.After!["budget"]!.GetValue<decimal>(), update.After["status"]!.GetValue<string>(), update.After["end_date"]!.GetValue<string>()));
        Assert.Equal("US", update.Before[$"ad_sets.{tree.AdSetId}.targeting"]!["locations"]![0]!.GetValue<string>());
        Assert.Equal("FR", update.After[$"ad_sets.{tree.AdSetId}.targeting"]!["locations"]![0]!.GetValue<string>());

        Assert.Equal(("ad", tree.AdId, "active", "paused"), (log[1].EntityType, log[1].EntityId, log[1].Before!["status"]!.GetValue<string>(), log[1].After!["status"]!.GetValue<string>()));

        var deletion = log[0];
        Assert.Null(deletion.After);
        Assert.Equal(("Black Friday", 120m), (deletion.Before!["name"]!.GetValue<string>(), deletion.Before["budget"]!.GetValue<decimal>()));
        Assert.Equal("Hello", deletion.Before["ad_sets"]![0]!["ads"]![0]!["headline"]!.GetValue<string>());
    }

    [Fact]
    public async Task NoChange_IsNotAppliedOrLogged()
    {
        var (user, _, client) = await SetUpAsync("camp-tools-noop@example.com");
        await using var connection = client;
        var tree = await CreateTreeAsync(client);

        var outcome = await client.SucceedsAsync("pause_campaign", new { campaign_id = tree.CampaignId });

        Assert.False(outcome.GetProperty("applied").GetBoolean());
        Assert.Single((await _app.Services.GetRequiredService<ActionLogService>().ListAsync(user.Id, new ActionLogQuery())).Items);
    }

    [Fact]
    public async Task AnotherUsersIds_AreNotFound_ForEveryToolThatTakesOne()
    {
        var (_, _, owner) = await SetUpAsync("camp-tools-owner@example.com");
        await using var ownerConnection = owner;
        var tree = await CreateTreeAsync(owner);
        var (_, _, stranger) = await SetUpAsync("camp-tools-stranger@example.com");
        await using var strangerConnection = stranger;

        var calls = new (string Tool, object Args)[]
        {
            ("get_campaign", new { campaign_id = tree.CampaignId }),
            ("update_campaign", new { campaign_id = tree.CampaignId, name = "mine" }),
            ("delete_campaign", new { campaign_id = tree.CampaignId, confirm = true }),
            ("pause_campaign", new { campaign_id = tree.CampaignId }),
            ("resume_campaign", new { campaign_id = tree.CampaignId, dry_run = true }),
            ("pause_ad_set", new { ad_set_id = tree.AdSetId }),
            ("resume_ad_set", new { ad_set_id = tree.AdSetId }),
            ("pause_ad", new { ad_id = tree.AdId }),
            ("resume_ad", new { ad_id = tree.AdId }),
            ("create_ad_set", new { campaign_id = tree.CampaignId, name = "mine" }),
            ("update_ad_set", new { ad_set_id = tree.AdSetId, name = "mine" }),
            ("create_ad", new { ad_set_id = tree.AdSetId, name = "mine" }),
        };
        foreach (var (tool, args) in calls)
        {
            await stranger.FailsAsync(tool, args, code: "not_found");
        }

        await stranger.FailsAsync("create_campaign", new { ad_account_id = tree.AccountId, name = "mine", budget = 10m }, code: "validation_failed");
        Assert.Equal(0, (await stranger.SucceedsAsync("get_campaigns", new { ad_account_id = tree.AccountId })).GetProperty("total").GetInt32());
        Assert.Equal("Black Friday", (await owner.SucceedsAsync("get_campaign", new { campaign_id = tree.CampaignId })).GetProperty("campaign").GetProperty("name").GetString());
    }

    [Fact]
    public async Task ReadOnlyPat_ReadsCampaigns_AndIsRefusedEveryWriteTool()
    {
        var (user, _, owner) = await SetUpAsync("camp-tools-read@example.com");
        await using var ownerConnection = owner;
        var tree = await CreateTreeAsync(owner);
        await using var reader = await _app.ConnectMcpAsync(await _app.CreatePatAsync(user.Id, AccessScopes.Read));

        await reader.SucceedsAsync("get_campaigns");
        await reader.SucceedsAsync("get_campaign", new { campaign_id = tree.CampaignId });
        foreach (var tool in WriteTools)
        {
            await reader.FailsAsync(tool, new { campaign_id = tree.CampaignId, ad_set_id = tree.AdSetId, ad_id = tree.AdId, name = "x", budget = 10m, dry_run = true }, code: "insufficient_scope");
        }
    }

    [Fact]
    public async Task PlatformRefusal_IsPlatformError_TheChangeIsLoggedAndMarkedSyncFailed()
    {
        var (user, accountId, client) = await SetUpAsync("camp-tools-refused@example.com");
        await using var connection = client;
        var tree = await CreateTreeAsync(client);

        Faults.FailNext(PlatformErrorKind.Validation, "Campaign is under review.");
        var error = await client.FailsAsync("resume_campaign", new { campaign_id = tree.CampaignId }, code: "platform_error");

        Assert.Contains("Campaign is under review.", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(PlatformStatus.Paused, (await PlatformAsync(user.Id, accountId)).Campaigns.Single(c => c.Id == tree.PlatformCampaignId).Status);
        var detail = await client.SucceedsAsync("get_campaign", new { campaign_id = tree.CampaignId });
        Assert.Equal("sync_failed", detail.GetProperty("campaign").GetProperty("sync_status").GetString());
        var log = (await _app.Services.GetRequiredService<ActionLogService>().ListAsync(user.Id, new ActionLogQuery())).Items;
        Assert.Equal("resume_campaign", log[0].Action);

        Faults.FailNext(PlatformErrorKind.Validation, "Campaigns with spend cannot be deleted.");
        var refused = await client.FailsAsync("delete_campaign", new { campaign_id = tree.CampaignId, confirm = true }, code: "platform_error");
        Assert.Contains("Campaigns with spend cannot be deleted.", refused.GetProperty("message").GetString(), StringComparison.Ordinal);
        await client.SucceedsAsync("get_campaign", new { campaign_id = tree.CampaignId });
    }

    [Fact]
    public async Task AccountNeedingReauthorisation_IsNeedsReauth_AndNothingChanges()
    {
        var (user, accountId, client) = await SetUpAsync("camp-tools-reauth@example.com");
        await using var connection = client;
        var tree = await CreateTreeAsync(client);
        var platformBefore = JsonSerializer.Serialize(await PlatformAsync(user.Id, accountId));
        await _app.Services.GetRequiredService<AdAccountService>().MarkNeedsReauthAsync(accountId, "revoked");
        var before = await DatabaseAsync(user.Id);

        await client.FailsAsync("resume_campaign", new { campaign_id = tree.CampaignId }, code: "needs_reauth");
        await client.FailsAsync("update_campaign", new { campaign_id = tree.CampaignId, budget = 110m, dry_run = true }, code: "needs_reauth");
        await client.FailsAsync("delete_campaign", new { campaign_id = tree.CampaignId, confirm = true }, code: "needs_reauth");
        await client.FailsAsync("create_campaign", new { ad_account_id = accountId, name = "x", budget = 10m }, code: "needs_reauth");

        Assert.Equal(before, await DatabaseAsync(user.Id));
        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await db.AdAccounts.Where(a => a.Id == accountId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AdAccountStatus.Active));
        }

        Assert.Equal(platformBefore, JsonSerializer.Serialize(await PlatformAsync(user.Id, accountId)));
    }

    [Fact]
    public async Task BadArguments_AreValidationErrors()
    {
        var (_, _, client) = await SetUpAsync("camp-tools-bad@example.com");
        await using var connection = client;

        await client.FailsAsync("get_campaigns", new { cursor = "not-a-cursor" }, code: "validation_failed");
        await client.FailsAsync("get_campaigns", new { page_size = 1000 }, code: "validation_failed");
        await client.FailsAsync("get_campaigns", new { status = "sleeping" }, code: "validation_failed");
        await client.FailsAsync("get_campaign", new { campaign_id = 987_654_321 }, code: "not_found");
    }

    [Fact]
    public async Task UpdateCampaign_TargetingWithoutAdSets_IsRefused_NotIgnored()
    {
        var (_, accountId, client) = await SetUpAsync("camp-tools-no-sets@example.com");
        await using var connection = client;
        var id = (await client.SucceedsAsync("create_campaign", new { ad_account_id = accountId, name = "Empty", budget = 10m }))
            .GetProperty("result").GetProperty("campaign").GetProperty("id").GetInt64();

        var error = await client.FailsAsync("update_campaign", new { campaign_id = id, targeting = new { locations = new[] { "DE" } }, dry_run = true }, code: "validation_failed");

        Assert.True(error.GetProperty("errors").TryGetProperty("targeting", out _));
    }

    [Fact]
    public async Task GetCampaigns_PagesWithCursors()
    {
        var (_, accountId, client) = await SetUpAsync("camp-tools-pages@example.com");
        await using var connection = client;
        for (var i = 0; i < 3; i++)
        {
            await client.SucceedsAsync("create_campaign", new { ad_account_id = accountId, name = $"Paging {i}", budget = 10m });
        }

        var first = await client.SucceedsAsync("get_campaigns", new { search = "Paging", page_size = 2 });
        var second = await client.SucceedsAsync("get_campaigns", new { search = "Paging", page_size = 2, cursor = first.GetProperty("next_cursor").GetString() });

        Assert.Equal(3, first.GetProperty("total").GetInt32());
        Assert.Equal(["Paging 2", "Paging 1"], first.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal("Paging 0", Assert.Single(second.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next_cursor").ValueKind);
    }

    private sealed record Tree(long AccountId, long CampaignId, long AdSetId, long AdId, string PlatformCampaignId);

    private async Task<(McpUser User, long AccountId, McpClient Client)> SetUpAsync(string email)
    {
        var user = await _app.SignInAsync(email);
        var accountId = await _app.BindSimulatedAccountAsync(user);
        return (user, accountId, await _app.ConnectMcpAsync(await _app.CreatePatAsync(user.Id)));
    }

    /// <summary>A paused campaign (budget 100) with one ad set (budget 20, US) holding one ad, created through the tool.</summary>
    private static async Task<Tree> CreateTreeAsync(McpClient client)
    {
        var accountId = (await client.SucceedsAsync("list_ad_accounts")).GetProperty("accounts")[0].GetProperty("id").GetInt64();
        var created = await client.SucceedsAsync("create_campaign", new
        {
            ad_account_id = accountId, name = "Black Friday", budget = 100m, start_date = "2026-11-27", end_date = "2026-12-20",
            ad_sets = new[]
            {
                new
                {
                    name = "Broad", budget_type = "daily", budget = 20m, targeting = new { locations = new[] { "US" }, age_min = 25, age_max = 44 },
                    ads = new[] { new { name = "Static", headline = "Hello", landing_page_url = "https://shop.example.com" } },
                },
            },
        });
        Assert.True(created.GetProperty("applied").GetBoolean());
        var result = created.GetProperty("result");
        var campaign = result.GetProperty("campaign");
        Assert.Equal(("paused", "synced"), (campaign.GetProperty("status").GetString(), campaign.GetProperty("sync_status").GetString()));
        var adSet = result.GetProperty("ad_sets")[0];
        return new Tree(accountId, campaign.GetProperty("id").GetInt64(), adSet.GetProperty("id").GetInt64(),
            adSet.GetProperty("ads")[0].GetProperty("id").GetInt64(), campaign.GetProperty("platform_campaign_id").GetString()!);
    }

    private sealed record PlatformTree(IReadOnlyList<PlatformCampaign> Campaigns, IReadOnlyList<PlatformAdSet> AdSets, IReadOnlyList<PlatformAd> Ads);

    /// <summary>What the simulated platform holds for the account, read through its API.</summary>
    private async Task<PlatformTree> PlatformAsync(long userId, long accountId)
    {
        var (platform, access) = await _app.Services.GetRequiredService<AdAccountService>().AccessAsync(userId, accountId);
        var campaigns = await platform.ListCampaignsAsync(access, default);
        var adSets = new List<PlatformAdSet>();
        var ads = new List<PlatformAd>();
        foreach (var campaign in campaigns)
        {
            adSets.AddRange(await platform.ListAdSetsAsync(access, campaign.Id, default));
        }

        foreach (var adSet in adSets)
        {
            ads.AddRange(await platform.ListAdsAsync(access, adSet.Id, default));
        }

        return new PlatformTree(campaigns, adSets, ads);
    }

    /// <summary>The user's campaign rows, ad set rows, ad rows and action log, as JSON.</summary>
    private async Task<string> DatabaseAsync(long userId)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return JsonSerializer.Serialize(new
        {
            Campaigns = await db.Campaigns.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.Id).ToListAsync(),
            AdSets = await db.AdSets.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.Id).ToListAsync(),
            Ads = await db.Ads.AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.Id).ToListAsync(),
            Actions = await db.Set<ActionLogEntry>().AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.Id).ToListAsync(),
        });
    }

    private async Task<string> SnapshotAsync(long userId, long accountId) =>
        await DatabaseAsync(userId) + JsonSerializer.Serialize(await PlatformAsync(userId, accountId));
}
