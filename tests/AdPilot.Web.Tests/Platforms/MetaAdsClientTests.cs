using System.Security.Cryptography;
using System.Text;
using AdPilot.Core.Platforms;
using AdPilot.Core.Platforms.Meta;
using AdPilot.Web.Tests.Fakes;

namespace AdPilot.Web.Tests.Platforms;

/// <summary>The Meta client against a local Graph API fake, built by the production registration.</summary>
public sealed class MetaAdsClientTests : IAsyncLifetime
{
    private static readonly PlatformAccess Access = new("act_111", FakeMeta.LongToken);
    private FakeMeta _meta = null!;
    private PlatformClientHost _host = null!;

    private MetaAdsClient Client => _host.Get<MetaAdsClient>();

    public async Task InitializeAsync()
    {
        _meta = await FakeMeta.StartNewAsync();
        _host = new PlatformClientHost(_meta.Settings());
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _meta.DisposeAsync();
    }

    [Fact]
    public void Meta_IsRegisteredAsAdPlatform_WhenConfigured()
    {
        var platform = Assert.Single(_host.Get<IEnumerable<IAdPlatform>>());
        Assert.IsType<MetaAdsClient>(platform);
        Assert.True(platform.IsConfigured);
    }

    [Fact]
    public void Meta_AuthorizeUrl_CarriesStateScopesAndVersion()
    {
        var url = Client.BuildAuthorizeUrl(new AuthorizeRequest(new Uri("https://app.example/cb"), "state-xyz", null)).ToString();

        Assert.StartsWith($"https://www.facebook.com/{FakeMeta.Version}/dialog/oauth?", url, StringComparison.Ordinal);
        Assert.Contains("state=state-xyz", url, StringComparison.Ordinal);
        Assert.Contains("scope=ads_management%2Cads_read", url, StringComparison.Ordinal);
        Assert.Contains($"client_id={FakeMeta.AppId}", url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Meta_ExchangeCode_ExchangesForALongLivedToken()
    {
        var tokens = await Client.ExchangeCodeAsync(new CodeExchange(FakeMeta.Code, new Uri("https://app.example/cb"), null), default);

        Assert.Equal(FakeMeta.LongToken, tokens.AccessToken);
        Assert.Null(tokens.RefreshToken);
        Assert.InRange(tokens.ExpiresAt!.Value, DateTime.UtcNow.AddDays(59), DateTime.UtcNow.AddDays(61));
        var exchange = _meta.Requests.Last();
        Assert.Equal("fb_exchange_token", exchange.Query["grant_type"]);
        Assert.Equal(FakeMeta.ShortToken, exchange.Query["fb_exchange_token"]);

        var refreshed = await Client.RefreshAsync(tokens, default);
        Assert.Equal(FakeMeta.LongToken, refreshed.AccessToken);
    }

    [Fact]
    public async Task Meta_ListAdAccounts_ReadsEveryPage()
    {
        var accounts = await Client.ListAdAccountsAsync(FakeMeta.LongToken, default);

        Assert.Equal(["act_111", "act_222", "act_333"], accounts.Select(a => a.Id));
        Assert.Equal("EUR", accounts[1].Currency);
        Assert.Equal("America/Los_Angeles", accounts[0].TimeZone);
        Assert.Equal(2, _meta.Requests.Count(r => r.Path.EndsWith("/me/adaccounts", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Meta_EveryCall_SendsTheAppSecretProof()
    {
        await Client.ListAdAccountsAsync(FakeMeta.LongToken, default);

        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(FakeMeta.AppSecret), Encoding.UTF8.GetBytes(FakeMeta.LongToken)));
        Assert.Equal(expected, MetaAdsClient.AppSecretProof(FakeMeta.LongToken, FakeMeta.AppSecret));
        Assert.All(_meta.Requests, r => Assert.Equal(expected, r.Query["appsecret_proof"]));
    }

    [Fact]
    public async Task Meta_CreateCampaign_SendsCentsAndReadsItBack()
    {
        var spec = new CampaignSpec("Spring sale", "Sales", PlatformStatus.Paused, PlatformBudgetType.Daily, 25.50m, null, null);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await Client.CreateCampaignAsync(Access, spec with { Name = $"Spring sale {i}" }, default));
        }

        var sent = _meta.Requests.First(r => r.Method == "POST");
        Assert.Contains("daily_budget=2550", sent.Body, StringComparison.Ordinal);
        Assert.Contains("objective=OUTCOME_SALES", sent.Body, StringComparison.Ordinal);
        var campaigns = await Client.ListCampaignsAsync(Access, default);
        Assert.Equal(ids, campaigns.Select(c => c.Id));
        var first = campaigns[0];
        Assert.Equal(("Spring sale 0", "Sales", PlatformStatus.Paused, PlatformBudgetType.Daily, 25.50m),
            (first.Name, first.Objective, first.Status, first.BudgetType!.Value, first.Budget!.Value));
    }

    [Fact]
    public async Task Meta_Insights_SumsPurchasesAcrossPages()
    {
        _meta.InsightRows.AddRange(
        [
            FakeMeta.Insight("2026-03-01", "c1", "10.25", "1000", "30", "2", "80.50"),
            FakeMeta.Insight("2026-03-02", "c1", "5.75", "500", "10", "1", "19.50"),
            FakeMeta.Insight("2026-03-01", "c2", "4.00", "250", "5", "0", "0"),
        ]);

        var rows = await Client.GetDailyInsightsAsync(Access, new InsightsQuery(PlatformLevel.Campaign, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 2)), default);

        Assert.Equal(3, rows.Count);
        Assert.Equal(20.00m, rows.Sum(r => r.Spend));
        Assert.Equal(1750, rows.Sum(r => r.Impressions));
        Assert.Equal(3, rows.Sum(r => r.Conversions)); // purchase, not purchase + omni_purchase
        Assert.Equal(100.00m, rows.Sum(r => r.Revenue));
        Assert.Equal(new DateOnly(2026, 3, 2), rows[1].Date);
        var first = _meta.Requests.First(r => r.Path.EndsWith("/insights", StringComparison.Ordinal));
        Assert.Equal("""{"since":"2026-03-01","until":"2026-03-02"}""", first.Query["time_range"]);
        Assert.Equal("1", first.Query["time_increment"]);
        Assert.Equal("campaign", first.Query["level"]);
    }

    [Fact]
    public async Task Meta_ThrottledTwice_RetriesThenSucceeds()
    {
        _meta.ThrottleTimes = 2;

        var accounts = await Client.ListAdAccountsAsync(FakeMeta.LongToken, default);

        Assert.Equal(3, accounts.Count);
        Assert.Equal(4, _meta.Requests.Count); // two throttled, then two pages
    }

    [Fact]
    public async Task Meta_ThrottledBeyondRetries_IsRateLimited()
    {
        _meta.ThrottleTimes = 10;

        var error = await Assert.ThrowsAsync<PlatformException>(() => Client.ListCampaignsAsync(Access, default));

        Assert.Equal(PlatformErrorKind.RateLimited, error.Kind);
        Assert.Equal("17", error.PlatformCode);
        Assert.Equal(4, _meta.Requests.Count);
    }

    [Fact]
    public async Task Meta_ServerErrorOnARead_IsRetried()
    {
        _meta.ServerErrorTimes = 1;

        var campaigns = await Client.ListCampaignsAsync(Access, default);

        Assert.Empty(campaigns);
        Assert.Equal(2, _meta.Requests.Count);
    }

    [Fact]
    public async Task Meta_UsageAbove95Percent_IsRateLimited()
    {
        _meta.UsagePercent = 96;

        var error = await Assert.ThrowsAsync<PlatformException>(() => Client.ListCampaignsAsync(Access, default));

        Assert.Equal(PlatformErrorKind.RateLimited, error.Kind);
        Assert.Single(_meta.Requests); // a success response: nothing to retry
    }

    [Fact]
    public async Task Meta_ExpiredToken_IsAuthExpired()
    {
        _meta.TokenExpired = true;

        var error = await Assert.ThrowsAsync<PlatformException>(() => Client.ListCampaignsAsync(Access, default));

        Assert.Equal(PlatformErrorKind.AuthExpired, error.Kind);
        Assert.Equal("190/463", error.PlatformCode);
        Assert.Single(_meta.Requests);
    }

    [Fact]
    public async Task Meta_UploadImage_ReturnsTheHash()
    {
        var hash = await Client.UploadCreativeAsync(Access, new CreativeUpload("banner.png", "image/png", CreativeMediaKind.Image, new byte[] { 1, 2, 3 }), default);

        Assert.Equal("abc123hash", hash);
        Assert.EndsWith("/act_111/adimages", _meta.Requests.Single().Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Meta_Tokens_NeverAppearInLogsOrMessages()
    {
        await Client.ExchangeCodeAsync(new CodeExchange(FakeMeta.Code, new Uri("https://app.example/cb"), null), default);
        await Client.ListAdAccountsAsync(FakeMeta.LongToken, default);
        _meta.ThrottleTimes = 1;
        await Client.ListCampaignsAsync(Access, default);
        _meta.TokenExpired = true;
        var error = await Assert.ThrowsAsync<PlatformException>(() => Client.ListCampaignsAsync(Access, default));

        var logs = _host.Logs.All;
        Assert.Contains("access_token=***", logs, StringComparison.Ordinal);
        foreach (var secret in new[] { FakeMeta.LongToken, FakeMeta.ShortToken, FakeMeta.AppSecret, FakeMeta.Code })
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
        }
    }
}
