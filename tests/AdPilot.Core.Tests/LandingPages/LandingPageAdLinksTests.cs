using AdPilot.Core.AdAccounts;
using AdPilot.Core.Campaigns;
using AdPilot.Core.Common;
using AdPilot.Core.LandingPages;
using AdPilot.Core.Platforms;
using AdPilot.Core.Storage;
using AdPilot.Core.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AdPilot.Core.Tests.LandingPages;

/// <summary>18.2: an ad can point at the user's published landing page, and follows it when it is republished elsewhere.</summary>
public sealed class LandingPageAdLinksTests
{
    private static readonly Uri Callback = new("http://localhost:5080/api/v1/ad-accounts/callback/simulated");

    private sealed record World(TestDatabase Db, AdAccountService Accounts, CampaignService Campaigns, LandingPageAdLinks Links, long UserId, long AccountId);

    private static async Task<World> WorldAsync(TestDatabase db)
    {
        var clock = TestClock.At2026();
        var platform = ServiceFactory.Simulated(clock);
        var accounts = ServiceFactory.AdAccounts(db, clock, platform);
        var user = await Seed.UserAsync(db);
        var consent = await accounts.ConnectAsync(user, AdPlatformKind.Simulated, Callback);
        var query = System.Web.HttpUtility.ParseQueryString(consent.AuthorizeUrl.Query);
        var bound = await accounts.CompleteAsync(user, AdPlatformKind.Simulated, platform.IssueCode(user, query["code_challenge"], Callback), query["state"], null);
        var campaigns = ServiceFactory.Campaigns(db, clock, accounts);
        return new World(db, accounts, campaigns, new LandingPageAdLinks(db, campaigns), user, bound[0].Id);
    }

    private static async Task<long> PageAsync(TestDatabase db, long userId, string slug, bool published = true)
    {
        await using var ctx = db.CreateDbContext();
        var page = new LandingPage
        {
            UserId = userId, Name = slug, Slug = slug, Status = published ? LandingPageStatus.Published : LandingPageStatus.Draft,
            PublishedUrl = published ? Url(slug) : null, PublishedVersion = published ? 1 : null, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        ctx.LandingPages.Add(page);
        await ctx.SaveChangesAsync();
        return page.Id;
    }

    private static string Url(string slug) => "https://pages.example.com/p/" + slug;

    private static CreateCampaignRequest Request(long accountId, AdInput ad) => new()
    {
        AdAccountId = accountId, Name = "Spring launch", Budget = 50m,
        AdSets = [new AdSetInput { Name = "Everyone", Ads = [ad] }],
    };

    private static async Task<PlatformAd> OnPlatformAsync(World w, AdView ad)
    {
        var (platform, access) = await w.Accounts.AccessAsync(w.UserId, w.AccountId);
        await using var ctx = w.Db.CreateDbContext();
        var adSetId = (await ctx.AdSets.FindAsync(ad.AdSetId))!.PlatformAdSetId!;
        return (await platform.ListAdsAsync(access, adSetId, default)).Single(a => a.Id == ad.PlatformAdId);
    }

    [Fact]
    public async Task CreateAsync_PublishedPage_SetsTheLinkAndThePagesUrl()
    {
        await using var db = await TestDatabase.CreateAsync();
        var w = await WorldAsync(db);
        var pageId = await PageAsync(db, w.UserId, "spring-sale");

        var created = await w.Campaigns.CreateAsync(w.UserId, Request(w.AccountId, new AdInput { Name = "Hero", LandingPageUrl = "https://elsewhere.example", LandingPageId = pageId }));

        var ad = created.AdSets[0].Ads[0];
        Assert.Equal((pageId, Url("spring-sale")), (ad.LandingPageId, ad.LandingPageUrl));
        Assert.Equal(Url("spring-sale"), (await OnPlatformAsync(w, ad)).LandingPageUrl);
    }

    [Fact]
    public async Task CreateAsync_DraftPage_IsAFieldError()
    {
        await using var db = await TestDatabase.CreateAsync();
        var w = await WorldAsync(db);
        var pageId = await PageAsync(db, w.UserId, "not-yet", published: false);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            w.Campaigns.CreateAsync(w.UserId, Request(w.AccountId, new AdInput { Name = "Hero", LandingPageId = pageId })));

        Assert.Contains("not published", Assert.Single(ex.Errors["adSets[0].ads[0].landingPageId"]), StringComparison.Ordinal);
        await using var ctx = db.CreateDbContext();
        Assert.Empty(ctx.Campaigns);
    }

    [Fact]
    public async Task AddAdAsync_AnotherUsersPage_IsAFieldError()
    {
        await using var db = await TestDatabase.CreateAsync();
        var w = await WorldAsync(db);
        var other = await Seed.UserAsync(db, "other@example.com");
        var theirs = await PageAsync(db, other, "their-page");
        var created = await w.Campaigns.CreateAsync(w.UserId, Request(w.AccountId, new AdInput { Name = "Hero" }));

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            w.Campaigns.AddAdAsync(w.UserId, created.Campaign.Id, created.AdSets[0].Id, new AdInput { Name = "Second", LandingPageId = theirs }));

        Assert.Equal(["No such landing page."], ex.Errors["landingPageId"]);
    }

    [Fact]
    public async Task UpdateAdAsync_PageThenZero_LinksThenUnlinksKeepingTheUrl()
    {
        await using var db = await TestDatabase.CreateAsync();
        var w = await WorldAsync(db);
        var pageId = await PageAsync(db, w.UserId, "spring-sale");
        var created = await w.Campaigns.CreateAsync(w.UserId, Request(w.AccountId, new AdInput { Name = "Hero", LandingPageUrl = "https://shop.example/a" }));
        var (campaignId, adId) = (created.Campaign.Id, created.AdSets[0].Ads[0].Id);

        var linked = (await w.Campaigns.UpdateAdAsync(w.UserId, campaignId, adId, new UpdateAdRequest { LandingPageId = pageId })).AdSets[0].Ads[0];
        Assert.Equal((pageId, Url("spring-sale"), "synced"), (linked.LandingPageId, linked.LandingPageUrl, linked.SyncStatus));
        Assert.Equal(Url("spring-sale"), (await OnPlatformAsync(w, linked)).LandingPageUrl);

        var unlinked = (await w.Campaigns.UpdateAdAsync(w.UserId, campaignId, adId, new UpdateAdRequest { LandingPageId = 0 })).AdSets[0].Ads[0];
        Assert.Equal((null, Url("spring-sale")), (unlinked.LandingPageId, unlinked.LandingPageUrl));
    }

    [Fact]
    public async Task FollowAsync_RepublishedUnderANewSlug_LinkedAdsAndThePlatformFollow()
    {
        await using var db = await TestDatabase.CreateAsync();
        var w = await WorldAsync(db);
        var pageId = await PageAsync(db, w.UserId, "spring-sale");
        var created = await w.Campaigns.CreateAsync(w.UserId, Request(w.AccountId, new AdInput { Name = "Linked", LandingPageId = pageId }));
        var withOther = await w.Campaigns.AddAdAsync(w.UserId, created.Campaign.Id, created.AdSets[0].Id, new AdInput { Name = "Free URL", LandingPageUrl = "https://shop.example/own" });
        await using (var ctx = db.CreateDbContext())
        {
            var page = await ctx.LandingPages.FindAsync(pageId);
            (page!.Slug, page.PublishedUrl) = ("summer-sale", Url("summer-sale"));
            await ctx.SaveChangesAsync();
        }

        await w.Links.FollowAsync(w.UserId, pageId, Url("summer-sale"));

        var ads = (await w.Campaigns.GetAsync(w.UserId, created.Campaign.Id)).AdSets[0].Ads;
        var linked = ads.Single(a => a.Name == "Linked");
        Assert.Equal((Url("summer-sale"), "synced", pageId), (linked.LandingPageUrl, linked.SyncStatus, linked.LandingPageId));
        Assert.Equal(Url("summer-sale"), (await OnPlatformAsync(w, linked)).LandingPageUrl);
        Assert.Equal("https://shop.example/own", ads.Single(a => a.Name == "Free URL").LandingPageUrl);
        Assert.Equal(2, withOther.AdSets[0].Ads.Count);
    }

    [Fact]
    public async Task PublishAsync_AfterTheSlugChanged_LinkedAdsFollowOnThePlatform()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var storage = new TestStorage();
        var w = await WorldAsync(db);
        var clock = TestClock.At2026();
        using var publisher = new LandingPagePublisher(db, storage.Store, new NoCdnInvalidator(), w.Links,
            Options.Create(new LandingPageOptions { PublicBaseUrl = "https://ads.example.com" }), Options.Create(new StorageOptions()), clock,
            NullLogger<LandingPagePublisher>.Instance);
        var pages = new LandingPageService(db, publisher, clock, NullLogger<LandingPageService>.Instance);
        var page = await pages.CreateAsync(w.UserId, new CreateLandingPageRequest { Name = "Spring sale", Slug = "spring-sale", Template = "lead_generation" });
        await publisher.PublishAsync(w.UserId, page.Id);
        var created = await w.Campaigns.CreateAsync(w.UserId, Request(w.AccountId, new AdInput { Name = "Linked", LandingPageId = page.Id }));
        Assert.Equal("https://ads.example.com/p/spring-sale", created.AdSets[0].Ads[0].LandingPageUrl);

        await pages.UpdateAsync(w.UserId, page.Id, new UpdateLandingPageRequest { Slug = "summer-sale" });
        await publisher.PublishAsync(w.UserId, page.Id);

        var ad = (await w.Campaigns.GetAsync(w.UserId, created.Campaign.Id)).AdSets[0].Ads[0];
        Assert.Equal(("https://ads.example.com/p/summer-sale", "synced"), (ad.LandingPageUrl, ad.SyncStatus));
        Assert.Equal("https://ads.example.com/p/summer-sale", (await OnPlatformAsync(w, ad)).LandingPageUrl);

        await publisher.UnpublishAsync(w.UserId, page.Id);
        Assert.Equal("https://ads.example.com/p/summer-sale", (await w.Campaigns.GetAsync(w.UserId, created.Campaign.Id)).AdSets[0].Ads[0].LandingPageUrl);
    }

    [Fact]
    public async Task FollowAsync_Unpublished_LeavesTheAdsAndThePlatformAlone()
    {
        await using var db = await TestDatabase.CreateAsync();
        var w = await WorldAsync(db);
        var pageId = await PageAsync(db, w.UserId, "spring-sale");
        var created = await w.Campaigns.CreateAsync(w.UserId, Request(w.AccountId, new AdInput { Name = "Linked", LandingPageId = pageId }));
        var before = created.AdSets[0].Ads[0];

        await w.Links.FollowAsync(w.UserId, pageId, null);

        var after = (await w.Campaigns.GetAsync(w.UserId, created.Campaign.Id)).AdSets[0].Ads[0];
        Assert.Equal(before, after);
        Assert.Equal(Url("spring-sale"), (await OnPlatformAsync(w, after)).LandingPageUrl);
    }

    [Fact]
    public async Task FollowAsync_AnotherUsersAd_IsNotTouched()
    {
        await using var db = await TestDatabase.CreateAsync();
        var w = await WorldAsync(db);
        var pageId = await PageAsync(db, w.UserId, "spring-sale");
        var created = await w.Campaigns.CreateAsync(w.UserId, Request(w.AccountId, new AdInput { Name = "Linked", LandingPageId = pageId }));
        var other = await Seed.UserAsync(db, "other@example.com");

        await w.Links.FollowAsync(other, pageId, Url("hijack"));

        Assert.Equal(Url("spring-sale"), (await w.Campaigns.GetAsync(w.UserId, created.Campaign.Id)).AdSets[0].Ads[0].LandingPageUrl);
    }
}
