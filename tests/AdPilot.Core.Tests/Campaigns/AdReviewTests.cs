using AdPilot.Core.AdAccounts;
using AdPilot.Core.Campaigns;
using AdPilot.Core.Data;
using AdPilot.Core.Notifications;
using AdPilot.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Tests.Campaigns;

public sealed class AdReviewTests
{
    private static readonly Uri Callback = new("http://localhost:5080/api/v1/ad-accounts/callback/simulated");

    [Fact]
    public async Task Import_RejectedAd_RaisesAdRejectedOnce_WithTheReasonAndALinkToTheAd_AndAgainAfterANewRejection()
    {
        await using var db = await TestDatabase.CreateAsync();
        var clock = TestClock.At2026();
        var platform = ServiceFactory.Simulated(clock);
        var channels = new RecordingNotificationChannels();
        var accounts = ServiceFactory.AdAccounts(db, clock, platform, channels);
        var campaigns = ServiceFactory.Campaigns(db, clock, accounts, channels);
        var notifications = ServiceFactory.Notifications(db, clock, channels);
        var user = await Seed.UserAsync(db);
        var consent = await accounts.ConnectAsync(user, AdPlatformKind.Simulated, Callback);
        var query = System.Web.HttpUtility.ParseQueryString(consent.AuthorizeUrl.Query);
        var account = (await accounts.CompleteAsync(user, AdPlatformKind.Simulated, platform.IssueCode(user, query["code_challenge"], Callback), query["state"], null))[0].Id;
        await campaigns.ImportAsync(user, account);
        var (ad, campaignId) = await FirstAdAsync(db);

        platform.Reviews.Reject(ad.PlatformAdId!, "Misleading claims: \"guaranteed results\" is not allowed.");
        await campaigns.ImportAsync(user, account);
        await campaigns.ImportAsync(user, account); // the same rejection again: no second notice
        var afterFirst = await RejectedNoticesAsync(notifications, user);
        platform.Reviews.Approve(ad.PlatformAdId!);
        await campaigns.ImportAsync(user, account);
        var approved = await campaigns.GetAsync(user, campaignId);
        platform.Reviews.Reject(ad.PlatformAdId!, "Landing page does not work.");
        await campaigns.ImportAsync(user, account);

        var notice = Assert.Single(afterFirst);
        Assert.Equal("Ad \"" + ad.Name + "\" was rejected", notice.Title);
        Assert.Contains("Misleading claims: \"guaranteed results\" is not allowed.", notice.Body);
        Assert.Equal($"/campaigns/{campaignId}?ad={ad.Id}", notice.Link);
        Assert.Equal(NotificationType.Important, notice.Type);
        Assert.Equal("approved", approved.AdSets.SelectMany(s => s.Ads).Single(a => a.Id == ad.Id).ReviewStatus);
        var all = await RejectedNoticesAsync(notifications, user);
        Assert.Equal(2, all.Count);
        Assert.Contains("Landing page does not work.", all[0].Body);
        var view = (await campaigns.GetAsync(user, campaignId)).AdSets.SelectMany(s => s.Ads).Single(a => a.Id == ad.Id);
        Assert.Equal(("rejected", "Landing page does not work."), (view.ReviewStatus, view.ReviewReason));
    }

    [Fact]
    public async Task Import_AdsNobodyRejected_AreApproved_AndRaiseNothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var clock = TestClock.At2026();
        var platform = ServiceFactory.Simulated(clock);
        var channels = new RecordingNotificationChannels();
        var accounts = ServiceFactory.AdAccounts(db, clock, platform, channels);
        var campaigns = ServiceFactory.Campaigns(db, clock, accounts, channels);
        var user = await Seed.UserAsync(db);
        var consent = await accounts.ConnectAsync(user, AdPlatformKind.Simulated, Callback);
        var query = System.Web.HttpUtility.ParseQueryString(consent.AuthorizeUrl.Query);
        var account = (await accounts.CompleteAsync(user, AdPlatformKind.Simulated, platform.IssueCode(user, query["code_challenge"], Callback), query["state"], null))[0].Id;

        await campaigns.ImportAsync(user, account);

        await using var ctx = await ((IDbContextFactory<AppDbContext>)db).CreateDbContextAsync();
        Assert.All(await ctx.Ads.ToListAsync(), a => Assert.Equal(AdReviewStatus.Approved, a.ReviewStatus));
        Assert.Empty(await RejectedNoticesAsync(ServiceFactory.Notifications(db, clock, channels), user));
    }

    private static async Task<(Ad Ad, long CampaignId)> FirstAdAsync(TestDatabase db)
    {
        await using var ctx = await ((IDbContextFactory<AppDbContext>)db).CreateDbContextAsync();
        var ad = await ctx.Ads.AsNoTracking().OrderBy(a => a.Id).FirstAsync();
        var campaignId = await ctx.AdSets.Where(s => s.Id == ad.AdSetId).Select(s => s.CampaignId).SingleAsync();
        return (ad, campaignId);
    }

    private static async Task<IReadOnlyList<NotificationView>> RejectedNoticesAsync(NotificationService notifications, long user) =>
        (await notifications.ListAsync(user, new NotificationQuery { Category = NotificationCategories.AdRejected })).Items;
}
