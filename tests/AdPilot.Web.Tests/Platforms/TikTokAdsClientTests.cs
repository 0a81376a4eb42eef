using AdPilot.Core.Platforms;
using AdPilot.Core.Platforms.TikTok;
using AdPilot.Web.Tests.Fakes;

namespace AdPilot.Web.Tests.Platforms;

/// <summary>The TikTok client against a local Marketing API fake, built by the production registration.</summary>
public sealed class TikTokAdsClientTests : IAsyncLifetime
{
    private static readonly PlatformAccess Access = new("7001", FakeTikTok.AccessToken);
    private FakeTikTok _tiktok = null!;
    private PlatformClientHost _host = null!;

    private TikTokAdsClient Client => _host.Get<TikTokAdsClient>();

    public async Task InitializeAsync()
    {
        _tiktok = await FakeTikTok.StartNewAsync();
        _host = new PlatformClientHost(_tiktok.Settings());
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _tiktok.DisposeAsync();
    }

    [Fact]
    public async Task TikTok_ExchangeCode_LongLivedToken_RefreshKeepsIt()
    {
        var tokens = await Client.ExchangeCodeAsync(new CodeExchange(FakeTikTok.AuthCode, new Uri("https://app.example/cb"), null), default);

        Assert.Equal(FakeTikTok.AccessToken, tokens.AccessToken);
        Assert.Null(tokens.ExpiresAt);
        Assert.Same(tokens, await Client.RefreshAsync(tokens, default));
        Assert.Single(_tiktok.Requests);
    }

    [Fact]
    public async Task TikTok_ExchangeCode_RefreshableToken_Refreshes()
    {
        _tiktok.Refreshable = true;

        var tokens = await Client.ExchangeCodeAsync(new CodeExchange(FakeTikTok.AuthCode, new Uri("https://app.example/cb"), null), default);
        var refreshed = await Client.RefreshAsync(tokens, default);

        Assert.Equal(FakeTikTok.RefreshToken, tokens.RefreshToken);
        Assert.NotNull(refreshed.ExpiresAt);
        Assert.EndsWith("oauth2/refresh_token/", _tiktok.Requests.Last().Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TikTok_ExpiredLongLivedToken_CannotRefresh()
    {
        var expired = new PlatformTokens(FakeTikTok.AccessToken, null, DateTime.UtcNow.AddMinutes(-1));

        var error = await Assert.ThrowsAsync<PlatformException>(() => Client.RefreshAsync(expired, default));

        Assert.Equal(PlatformErrorKind.AuthExpired, error.Kind);
    }

    [Fact]
    public async Task TikTok_ListAdAccounts_ReadsCurrencyAndTimeZone()
    {
        var accounts = await Client.ListAdAccountsAsync(FakeTikTok.AccessToken, default);

        Assert.Equal(["7001", "7002"], accounts.Select(a => a.Id));
        Assert.Equal(("EUR", "Europe/Berlin"), (accounts[1].Currency, accounts[1].TimeZone));
        var get = _tiktok.Requests.First();
        Assert.Equal(FakeTikTok.AppId, get.Query["app_id"]);
        Assert.Equal(FakeTikTok.AccessToken, get.Headers["Access-Token"]);
    }

    [Fact]
    public async Task TikTok_CreateCampaign_ReadsItBackAcrossPages()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await Client.CreateCampaignAsync(Access, new CampaignSpec($"Launch {i}", "Traffic", PlatformStatus.Active, PlatformBudgetType.Daily, 50m, null, null), default));
        }

        var campaigns = await Client.ListCampaignsAsync(Access, default);

        Assert.Equal(ids, campaigns.Select(c => c.Id));
        Assert.Equal(("Launch 0", "Traffic", PlatformStatus.Active, PlatformBudgetType.Daily, 50m),
            (campaigns[0].Name, campaigns[0].Objective, campaigns[0].Status, campaigns[0].BudgetType!.Value, campaigns[0].Budget!.Value));
        Assert.Equal(2, _tiktok.Requests.Count(r => r.Path.EndsWith("campaign/get/", StringComparison.Ordinal)));
        Assert.Contains("\"objective_type\":\"TRAFFIC\"", _tiktok.Requests.First().Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TikTok_Report_SumsEveryPage()
    {
        _tiktok.ReportRows.AddRange(
        [
            FakeTikTok.Row("2026-03-01", "c1", "12.50", "1000", "40", "3", "90.00"),
            FakeTikTok.Row("2026-03-02", "c1", "7.50", "600", "20", "1", "30.00"),
            FakeTikTok.Row("2026-03-01", "c2", "5.00", "400", "10", "0", "0"),
        ]);

        var rows = await Client.GetDailyInsightsAsync(Access, new InsightsQuery(PlatformLevel.Campaign, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 2)), default);

        Assert.Equal((25.00m, 2000L, 70L, 4L, 120.00m), (rows.Sum(r => r.Spend), rows.Sum(r => r.Impressions), rows.Sum(r => r.Clicks), rows.Sum(r => r.Conversions), rows.Sum(r => r.Revenue)));
        Assert.Equal(new DateOnly(2026, 3, 2), rows[1].Date);
        Assert.Equal("c1", rows[0].CampaignId);
        var first = _tiktok.Requests.First();
        Assert.Equal(("BASIC", "AUCTION_CAMPAIGN", "[\"campaign_id\",\"stat_time_day\"]"), (first.Query["report_type"].ToString(), first.Query["data_level"].ToString(), first.Query["dimensions"].ToString()));
        Assert.Equal(2, _tiktok.Requests.Count);
    }

    [Fact]
    public async Task TikTok_ThrottledInsideHttp200_RetriesThenSucceeds()
    {
        _tiktok.ThrottleTimes = 2;

        var accounts = await Client.ListAdAccountsAsync(FakeTikTok.AccessToken, default);

        Assert.Equal(2, accounts.Count);
        Assert.Equal(4, _tiktok.Requests.Count); // two throttled, advertiser/get, advertiser/info
    }

    [Fact]
    public async Task TikTok_ServerError_IsRetriedThenTransient()
    {
        _tiktok.ServerErrorTimes = 10;

        var error = await Assert.ThrowsAsync<PlatformException>(() => Client.ListCampaignsAsync(Access, default));

        Assert.Equal(PlatformErrorKind.Transient, error.Kind);
        Assert.Equal(4, _tiktok.Requests.Count);
    }

    [Fact]
    public async Task TikTok_ExpiredToken_IsAuthExpired()
    {
        _tiktok.TokenExpired = true;

        var error = await Assert.ThrowsAsync<PlatformException>(() => Client.ListCampaignsAsync(Access, default));

        Assert.Equal((PlatformErrorKind.AuthExpired, "40105"), (error.Kind, error.PlatformCode));
        Assert.Single(_tiktok.Requests);
    }

    [Fact]
    public async Task TikTok_Tokens_NeverAppearInLogsOrMessages()
    {
        _tiktok.Refreshable = true;
        var tokens = await Client.ExchangeCodeAsync(new CodeExchange(FakeTikTok.AuthCode, new Uri("https://app.example/cb"), null), default);
        await Client.RefreshAsync(tokens, default);
        await Client.ListAdAccountsAsync(FakeTikTok.AccessToken, default);
        _tiktok.TokenExpired = true;
        var error = await Assert.ThrowsAsync<PlatformException>(() => Client.ListAdAccountsAsync(FakeTikTok.AccessToken, default));

        var logs = _host.Logs.All;
        Assert.Contains("secret=***", logs, StringComparison.Ordinal);
        foreach (var secret in new[] { FakeTikTok.AccessToken, FakeTikTok.RefreshToken, FakeTikTok.Secret, FakeTikTok.AuthCode })
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
        }
    }
}
