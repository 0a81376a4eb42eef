using AdPilot.Core.Platforms;
using AdPilot.Core.Platforms.Simulated;
using AdPilot.Core.Tests.Support;

namespace AdPilot.Core.Tests.AdAccounts;

public sealed class SimulatedPlatformTests
{
    private static readonly Uri Callback = new("http://localhost:5080/api/v1/ad-accounts/callback/simulated");

    private static async Task<(SimulatedAdPlatform Platform, PlatformAccess Access)> BoundAsync(TimeProvider clock, SimulatedFaults? faults = null)
    {
        var platform = ServiceFactory.Simulated(clock, faults);
        var tokens = await platform.ExchangeCodeAsync(new CodeExchange(platform.IssueCode(42, null, Callback), Callback, null), default);
        var accounts = await platform.ListAdAccountsAsync(tokens.AccessToken, default);
        return (platform, new PlatformAccess(accounts[0].Id, tokens.AccessToken));
    }

    [Fact]
    public void BuildAuthorizeUrl_ScopeWithASpace_StaysPercentEncodedInEveryForm()
    {
        var url = ServiceFactory.Simulated(TestClock.At2026()).BuildAuthorizeUrl(new AuthorizeRequest(Callback, "state", null));

        // The pages navigate with ToString(), the API serialises OriginalString: neither may carry a raw space.
        Assert.DoesNotContain(' ', url.ToString());
        Assert.DoesNotContain(' ', url.OriginalString);
        Assert.Equal("ads_read ads_management", System.Web.HttpUtility.ParseQueryString(url.Query)["scope"]);
    }

    [Fact]
    public async Task Codes_AreSingleUse_AndPkceIsEnforced()
    {
        var platform = ServiceFactory.Simulated(TestClock.At2026());
        var verifier = AdPilot.Core.AdAccounts.OAuthStateStore.RandomToken();
        var code = platform.IssueCode(1, AdPilot.Core.AdAccounts.OAuthStateStore.Challenge(verifier), Callback);

        var wrong = await Assert.ThrowsAsync<PlatformException>(() => platform.ExchangeCodeAsync(new CodeExchange(code, Callback, "wrong-verifier"), default));
        Assert.Equal(PlatformErrorKind.Validation, wrong.Kind);

        var fresh = platform.IssueCode(1, AdPilot.Core.AdAccounts.OAuthStateStore.Challenge(verifier), Callback);
        var tokens = await platform.ExchangeCodeAsync(new CodeExchange(fresh, Callback, verifier), default);
        Assert.NotNull(tokens.RefreshToken);
        await Assert.ThrowsAsync<PlatformException>(() => platform.ExchangeCodeAsync(new CodeExchange(fresh, Callback, verifier), default));
    }

    [Fact]
    public async Task Tokens_Expire_AndRevokedGrantsAreRefused()
    {
        var clock = TestClock.At2026();
        var (platform, access) = await BoundAsync(clock);
        Assert.Equal(2, (await platform.ListAdAccountsAsync(access.AccessToken, default)).Count);

        clock.Advance(TimeSpan.FromDays(61));
        var expired = await Assert.ThrowsAsync<PlatformException>(() => platform.ListCampaignsAsync(access, default));
        Assert.Equal(PlatformErrorKind.AuthExpired, expired.Kind);
        Assert.DoesNotContain(access.AccessToken, expired.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherPersonsAccount_IsNotReachable()
    {
        var (platform, access) = await BoundAsync(TestClock.At2026());
        var error = await Assert.ThrowsAsync<PlatformException>(() => platform.ListCampaignsAsync(access with { AccountId = "sim-43-1" }, default));
        Assert.Equal(PlatformErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task Insights_AreDeterministic_RollUpExactly_AndFollowTheWeek()
    {
        var clock = TestClock.At2026();
        var (platform, access) = await BoundAsync(clock);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var query = new InsightsQuery(PlatformLevel.Ad, today.AddDays(-89), today);

        var ads = await platform.GetDailyInsightsAsync(access, query, default);
        var again = await ServiceFactory.Simulated(clock).GetDailyInsightsAsync(access, query, default);
        var campaigns = await platform.GetDailyInsightsAsync(access, query with { Level = PlatformLevel.Campaign }, default);
        var account = await platform.GetDailyInsightsAsync(access, query with { Level = PlatformLevel.Account }, default);

        Assert.Equal(ads, again);
        Assert.Equal(90, account.Count);
        Assert.Equal(ads.Sum(r => r.Spend), campaigns.Sum(r => r.Spend));
        Assert.Equal(ads.Sum(r => r.Revenue), account.Sum(r => r.Revenue));
        Assert.Equal(ads.Sum(r => r.Conversions), account.Sum(r => r.Conversions));
        Assert.All(ads, r => Assert.True(r.Spend > 0 && r.Impressions > r.Clicks && r.Clicks >= r.Conversions));
        var saturday = account.Where(r => r.Date.DayOfWeek == DayOfWeek.Saturday).Average(r => r.Spend);
        var wednesday = account.Where(r => r.Date.DayOfWeek == DayOfWeek.Wednesday).Average(r => r.Spend);
        Assert.True(saturday < wednesday, $"weekly seasonality: Saturday {saturday} vs Wednesday {wednesday}");
        var roas = account.Sum(r => r.Revenue) / account.Sum(r => r.Spend);
        Assert.InRange(roas, 0.5m, 8m);
    }

    [Fact]
    public async Task CreatedCampaigns_StartWithoutHistory_PausedOnesStopSpending()
    {
        var clock = TestClock.At2026();
        var (platform, access) = await BoundAsync(clock);
        var id = await platform.CreateCampaignAsync(access, new CampaignSpec("Launch", "Sales", PlatformStatus.Paused, PlatformBudgetType.Daily, 40m, null, null), default);
        var adSet = await platform.CreateAdSetAsync(access, id, new AdSetSpec("Everyone", PlatformStatus.Active, null, null, Targeting.Everyone), default);
        await platform.CreateAdAsync(access, adSet, new AdSpec("Hero", PlatformStatus.Active, null, "Hi", null, null, "https://example.com"), default);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        async Task<decimal> SpendAsync() =>
            (await platform.GetDailyInsightsAsync(access, new InsightsQuery(PlatformLevel.Campaign, today.AddDays(-30), today), default)).Where(r => r.CampaignId == id).Sum(r => r.Spend);

        Assert.Equal(0m, await SpendAsync());
        await platform.SetStatusAsync(access, PlatformLevel.Campaign, id, PlatformStatus.Active, default);
        Assert.True(await SpendAsync() > 0m);
        Assert.Contains(await platform.ListCampaignsAsync(access, default), c => c.Id == id && c.Status == PlatformStatus.Active && c.Budget == 40m);

        var bad = await Assert.ThrowsAsync<PlatformException>(() =>
            platform.CreateCampaignAsync(access, new CampaignSpec("Zero", "Sales", PlatformStatus.Paused, PlatformBudgetType.Daily, 0m, null, null), default));
        Assert.Equal(PlatformErrorKind.Validation, bad.Kind);
    }

    [Fact]
    public async Task InjectedFailures_SurfaceAsPlatformErrors()
    {
        var faults = new SimulatedFaults();
        var (platform, access) = await BoundAsync(TestClock.At2026(), faults);
        faults.FailNext(PlatformErrorKind.RateLimited);

        var error = await Assert.ThrowsAsync<PlatformException>(() => platform.ListCampaignsAsync(access, default));
        Assert.Equal(PlatformErrorKind.RateLimited, error.Kind);
        Assert.Equal(3, (await platform.ListCampaignsAsync(access, default)).Count);
    }
}
