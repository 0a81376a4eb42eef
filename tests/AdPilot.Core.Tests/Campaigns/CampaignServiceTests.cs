using AdPilot.Core.AdAccounts;
using AdPilot.Core.Campaigns;
using AdPilot.Core.Common;
using AdPilot.Core.Data;
using AdPilot.Core.Notifications;
using AdPilot.Core.Platforms;
using AdPilot.Core.Platforms.Simulated;
using AdPilot.Core.Tests.Support;

namespace AdPilot.Core.Tests.Campaigns;

/// <summary>P22 on the simulated platform: after every change the platform holds the same state, or the campaign says why not.</summary>
public sealed class CampaignServiceTests
{
    private static readonly Uri Callback = new("http://localhost:5080/api/v1/ad-accounts/callback/simulated");

    private sealed record World(TestDatabase Db, Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock, SimulatedAdPlatform Platform, SimulatedFaults Faults, AdAccountService Accounts,
        CampaignService Campaigns, RecordingNotificationChannels Channels, long UserId, long AccountId);

    private static async Task<World> WorldAsync(TestDatabase db)
    {
        var clock = TestClock.At2026();
        var faults = new SimulatedFaults();
        var platform = ServiceFactory.Simulated(clock, faults);
        var channels = new RecordingNotificationChannels();
        var accounts = ServiceFactory.AdAccounts(db, clock, platform, channels);
        var user = await Seed.UserAsync(db);
        var consent = await accounts.ConnectAsync(user, AdPlatformKind.Simulated, Callback);
        var query = System.Web.HttpUtility.ParseQueryString(consent.AuthorizeUrl.Query);
        var bound = await accounts.CompleteAsync(user, AdPlatformKind.Simulated, platform.IssueCode(user, query["code_challenge"], Callback), query["state"], null);
        return new World(db, clock, platform, faults, accounts, ServiceFactory.Campaigns(db, clock, accounts, channels), channels, user, bound[0].Id);
    }

    private static CreateCampaignRequest Request(long accountId, decimal budget = 50m) => new()
    {
        AdAccountId = accountId, Name = "Spring launch", Objective = CampaignObjective.Sales, BudgetType = BudgetType.Daily, Budget = budget,
        StartDate = new DateOnly(2026, 12, 1), EndDate = new DateOnly(2026, 12, 31),
        AdSets =
        [
            new AdSetInput
            {
                Name = "Lookalike", Targeting = new TargetingInput { Locations = ["US", "CA"], AgeMin = 25, AgeMax = 44 },
                Ads = [new AdInput { Name = "Hero video", Headline = "Spring is here", LandingPageUrl = "https://shop.example/spring" }],
            },
        ],
    };

    private static async Task<PlatformCampaign> OnPlatformAsync(World w, string platformId)
    {
        var (platform, access) = await w.Accounts.AccessAsync(w.UserId, w.AccountId);
        return (await platform.ListCampaignsAsync(access, default)).Single(c => c.Id == platformId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_StartsPausedOnThePlatform_WithTheSameTree(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await WorldAsync(db);

        var created = await w.Campaigns.CreateAsync(w.UserId, Request(w.AccountId));

        Assert.Equal(("synced", "paused"), (created.Campaign.SyncStatus, created.Campaign.Status));
        var remote = await OnPlatformAsync(w, created.Campaign.PlatformCampaignId!);
        Assert.Equal(("Spring launch", PlatformStatus.Paused, 50m, new DateOnly(2026, 12, 31)), (remote.Name, remote.Status, remote.Budget, remote.EndDate));
        var (platform, access) = await w.Accounts.AccessAsync(w.UserId, w.AccountId);
        var adSet = Assert.Single(await platform.ListAdSetsAsync(access, remote.Id, default));
        Assert.Equal(created.AdSets[0].PlatformAdSetId, adSet.Id);
        Assert.Equal("Hero video", Assert.Single(await platform.ListAdsAsync(access, adSet.Id, default)).Name);
        Assert.Equal(["US", "CA"], created.AdSets[0].Targeting.Locations);
    }

    [Fact]
    public async Task UpdatePauseResume_KeepThePlatformInStep()
    {
        await using var db = await TestDatabase.CreateAsync();
        var w = await WorldAsync(db);
        var id = (await w.Campaigns.CreateAsync(w.UserId, Request(w.AccountId))).Campaign.Id;

        var updated = await w.Campaigns.UpdateAsync(w.UserId, id, new UpdateCampaignRequest { Name = "Spring launch v2", Budget = 80m });
        var resumed = await w.Campaigns.ResumeAsync(w.UserId, id);

        Assert.Equal("synced", resumed.Campaign.SyncStatus);
        var remote = await OnPlatformAsync(w, updated.Campaign.PlatformCampaignId!);
        Assert.Equal(("Spring launch v2", 80m, PlatformStatus.Active), (remote.Name, remote.Budget, remote.Status));
        await w.Campaigns.PauseAsync(w.UserId, id);
        Assert.Equal(PlatformStatus.Paused, (await OnPlatformAsync(w, remote.Id)).Status);
    }

    [Fact]
    public async Task PlatformError_MarksSyncFailedWithTheReason_NotifiesOnce_AndRetryRepairs()
    {
        await using var db = await TestDatabase.CreateAsync();
        var w = await WorldAsync(db);
        var id = (await w.Campaigns.CreateAsync(w.UserId, Request(w.AccountId))).Campaign.Id;

        w.Faults.FailNext(PlatformErrorKind.Validation, "Budget change rejected: campaign is under review.");
        var failed = await w.Campaigns.UpdateAsync(w.UserId, id, new UpdateCampaignRequest { Budget = 120m });

        Assert.Equal("sync_failed", failed.Campaign.SyncStatus);
        Assert.Contains("Budget change rejected: campaign is under review.", failed.Campaign.SyncError, StringComparison.Ordinal);
        Assert.Equal(120m, failed.Campaign.Budget);                                 // the wanted state is kept…
        Assert.Equal(50m, (await OnPlatformAsync(w, failed.Campaign.PlatformCampaignId!)).Budget); // …and marked as not on the platform
        var notices = await ServiceFactory.Notifications(db, w.Clock).ListAsync(w.UserId, new NotificationQuery { Category = NotificationCategories.SyncFailed });
        Assert.Equal("/campaigns/" + id, Assert.Single(notices.Items).Link);

        var retried = await w.Campaigns.SyncAsync(w.UserId, id);
        Assert.Equal(("synced", null), (retried.Campaign.SyncStatus, retried.Campaign.SyncError));
        Assert.Equal(120m, (await OnPlatformAsync(w, retried.Campaign.PlatformCampaignId!)).Budget);
    }

    [Fact]
    public async Task ExpiredAccount_FailsTheSyncWithTheReason_AndNothingIsSent()
    {
        await using var db = await TestDatabase.CreateAsync();
        var w = await WorldAsync(db);
        await w.Accounts.MarkNeedsReauthAsync(w.AccountId, "revoked");

        var created = await w.Campaigns.CreateAsync(w.UserId, Request(w.AccountId));

        Assert.Equal("sync_failed", created.Campaign.SyncStatus);
        Assert.Contains("re-authorised", created.Campaign.SyncError, StringComparison.Ordinal);
        Assert.Null(created.Campaign.PlatformCampaignId);
        Assert.All(created.AdSets, s => Assert.Equal("sync_failed", s.SyncStatus));
    }

    [Fact]
    public async Task BadInput_IsRefused_AndNothingIsStoredOrSent()
    {
        await using var db = await TestDatabase.CreateAsync();
        var w = await WorldAsync(db);
        var other = await Seed.UserAsync(db, "other@example.com");

        var zero = await Assert.ThrowsAsync<ValidationFailedException>(() => w.Campaigns.CreateAsync(w.UserId, Request(w.AccountId, 0m)));
        var huge = await Assert.ThrowsAsync<ValidationFailedException>(() => w.Campaigns.CreateAsync(w.UserId, Request(w.AccountId, 5_000_000m)));
        var dates = await Assert.ThrowsAsync<ValidationFailedException>(() => w.Campaigns.CreateAsync(w.UserId, Request(w.AccountId) with { EndDate = new DateOnly(2026, 11, 1) }));
        var foreign = await Assert.ThrowsAsync<ValidationFailedException>(() => w.Campaigns.CreateAsync(other, Request(w.AccountId)));
        var creative = await Assert.ThrowsAsync<ValidationFailedException>(() => w.Campaigns.CreateAsync(w.UserId, Request(w.AccountId) with
        {
            AdSets = [new AdSetInput { Name = "S", Ads = [new AdInput { Name = "A", CreativeId = 999 }] }],
        }));

        Assert.Contains("budget", zero.Errors.Keys);
        Assert.Contains("budget", huge.Errors.Keys);
        Assert.Contains("endDate", dates.Errors.Keys);
        Assert.Contains("adAccountId", foreign.Errors.Keys);
        Assert.Contains("creativeId", creative.Errors.Keys);
        Assert.Equal(0, (await w.Campaigns.ListAsync(w.UserId, new CampaignQuery())).Total);
        var (platform, access) = await w.Accounts.AccessAsync(w.UserId, w.AccountId);
        Assert.Equal(3, (await platform.ListCampaignsAsync(access, default)).Count);   // only the generated ones
    }

    [Fact]
    public async Task AnotherUsersCampaign_IsNotFound_Everywhere()
    {
        await using var db = await TestDatabase.CreateAsync();
        var w = await WorldAsync(db);
        var id = (await w.Campaigns.CreateAsync(w.UserId, Request(w.AccountId))).Campaign.Id;
        var detail = await w.Campaigns.GetAsync(w.UserId, id);
        var adSetId = detail.AdSets[0].Id;
        var adId = detail.AdSets[0].Ads[0].Id;
        var other = await Seed.UserAsync(db, "other@example.com");

        await Assert.ThrowsAsync<NotFoundException>(() => w.Campaigns.GetAsync(other, id));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Campaigns.UpdateAsync(other, id, new UpdateCampaignRequest { Name = "x" }));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Campaigns.PauseAsync(other, id));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Campaigns.DeleteAsync(other, id));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Campaigns.SyncAsync(other, id));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Campaigns.SetAdSetStatusAsync(other, id, adSetId, DeliveryStatus.Paused));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Campaigns.SetAdStatusAsync(other, id, adId, DeliveryStatus.Paused));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Campaigns.DeleteAdAsync(other, id, adId));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Campaigns.ImportAsync(other, w.AccountId));
        Assert.Equal(0, (await w.Campaigns.ListAsync(other, new CampaignQuery())).Total);
        Assert.Equal("Spring launch", (await w.Campaigns.GetAsync(w.UserId, id)).Campaign.Name);
    }

    [Fact]
    public async Task Import_BringsInThePlatformsCampaigns_Once()
    {
        await using var db = await TestDatabase.CreateAsync();
        var w = await WorldAsync(db);

        var first = await w.Campaigns.ImportAsync(w.UserId, w.AccountId);
        var second = await w.Campaigns.ImportAsync(w.UserId, w.AccountId);

        Assert.Equal(new ImportSummary(3, 6, 12), first);
        Assert.Equal(new ImportSummary(0, 0, 0), second);
        var list = await w.Campaigns.ListAsync(w.UserId, new CampaignQuery { Sort = "name", Descending = false });
        Assert.Equal(3, list.Total);
        Assert.All(list.Items, c => Assert.Equal("synced", c.SyncStatus));
        Assert.Contains(list.Items, c => c.Status == "paused");
    }

    [Fact]
    public async Task Delete_RemovesOnThePlatformFirst_AndRefusalDeletesNothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var w = await WorldAsync(db);
        var created = await w.Campaigns.CreateAsync(w.UserId, Request(w.AccountId));

        w.Faults.FailNext(PlatformErrorKind.Validation, "Campaigns with spend cannot be deleted.");
        var refused = await Assert.ThrowsAsync<ConflictException>(() => w.Campaigns.DeleteAsync(w.UserId, created.Campaign.Id));
        Assert.Contains("cannot be deleted", refused.Message, StringComparison.Ordinal);
        Assert.NotNull(await w.Campaigns.GetAsync(w.UserId, created.Campaign.Id));

        await w.Campaigns.DeleteAsync(w.UserId, created.Campaign.Id);
        await Assert.ThrowsAsync<NotFoundException>(() => w.Campaigns.GetAsync(w.UserId, created.Campaign.Id));
        var (platform, access) = await w.Accounts.AccessAsync(w.UserId, w.AccountId);
        Assert.DoesNotContain(await platform.ListCampaignsAsync(access, default), c => c.Id == created.Campaign.PlatformCampaignId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task List_FiltersSearchesSortsAndPaginates(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await WorldAsync(db);
        foreach (var (name, budget) in new[] { ("Alpha", 30m), ("Bravo", 80.5m), ("Charlie", 55m) })
        {
            await w.Campaigns.CreateAsync(w.UserId, Request(w.AccountId, budget) with { Name = name, AdSets = [] });
        }

        var byBudget = await w.Campaigns.ListAsync(w.UserId, new CampaignQuery { Sort = "budget", Descending = true });
        var page2 = await w.Campaigns.ListAsync(w.UserId, new CampaignQuery { Sort = "name", Descending = false, PageSize = 2, Page = 2 });
        var search = await w.Campaigns.ListAsync(w.UserId, new CampaignQuery { Search = "rav" });
        var paused = await w.Campaigns.ListAsync(w.UserId, new CampaignQuery { Status = DeliveryStatus.Active });

        Assert.Equal(["Bravo", "Charlie", "Alpha"], byBudget.Items.Select(c => c.Name));
        Assert.Equal(3, page2.Total);
        Assert.Equal(["Charlie"], page2.Items.Select(c => c.Name));
        Assert.Equal("Bravo", Assert.Single(search.Items).Name);
        Assert.Equal(0, paused.Total);
    }
}
