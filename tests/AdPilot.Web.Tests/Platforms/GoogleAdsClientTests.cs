using System.Diagnostics;
using AdPilot.Core.Platforms;
using AdPilot.Core.Platforms.GoogleAds;
using AdPilot.Web.Tests.Fakes;

namespace AdPilot.Web.Tests.Platforms;

/// <summary>The Google Ads client against a local REST and OAuth fake, built by the production registration.</summary>
public sealed class GoogleAdsClientTests : IAsyncLifetime
{
    private static readonly PlatformAccess Access = new("123-456-7890", FakeGoogleAds.AccessToken);
    private FakeGoogleAds _google = null!;
    private PlatformClientHost _host = null!;

    private GoogleAdsClient Client => _host.Get<GoogleAdsClient>();

    public async Task InitializeAsync()
    {
        _google = await FakeGoogleAds.StartNewAsync();
        _host = new PlatformClientHost(_google.Settings());
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _google.DisposeAsync();
    }

    [Fact]
    public void GoogleAds_AuthorizeUrl_AsksForOfflineAccessWithPkce()
    {
        var url = Client.BuildAuthorizeUrl(new AuthorizeRequest(new Uri("https://app.example/cb"), "st4te", "challenge123")).ToString();

        Assert.True(Client.SupportsPkce);
        foreach (var part in new[] { "access_type=offline", "prompt=consent", "state=st4te", "code_challenge=challenge123", "code_challenge_method=S256" })
        {
            Assert.Contains(part, url, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task GoogleAds_ExchangeAndRefresh_KeepsTheRefreshToken()
    {
        var tokens = await Client.ExchangeCodeAsync(new CodeExchange(FakeGoogleAds.Code, new Uri("https://app.example/cb"), "verifier"), default);
        var refreshed = await Client.RefreshAsync(tokens, default);

        Assert.Equal(FakeGoogleAds.RefreshToken, tokens.RefreshToken);
        Assert.Equal(FakeGoogleAds.RefreshToken, refreshed.RefreshToken); // Google sent none back
        Assert.Contains("code_verifier=verifier", _google.Requests.First().Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GoogleAds_ListAdAccounts_ReadsCustomerDetailsWithHeaders()
    {
        var account = Assert.Single(await Client.ListAdAccountsAsync(FakeGoogleAds.AccessToken, default));

        Assert.Equal((FakeGoogleAds.CustomerId, "Acme", "USD", "Europe/London"), (account.Id, account.Name, account.Currency, account.TimeZone));
        var search = _google.Requests.Last();
        Assert.Equal($"/{FakeGoogleAds.Version}/customers/{FakeGoogleAds.CustomerId}/googleAds:searchStream", search.Path);
        Assert.Equal("9998887777", search.Headers["login-customer-id"]);
        Assert.Equal(FakeGoogleAds.DeveloperToken, search.Headers["developer-token"]);
    }

    [Fact]
    public async Task GoogleAds_CreateCampaign_CreatesBudgetInMicrosAndReadsItBack()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await Client.CreateCampaignAsync(Access, new CampaignSpec($"Search {i}", "Traffic", PlatformStatus.Paused, PlatformBudgetType.Daily, 12.34m, null, null), default));
        }

        var campaigns = await Client.ListCampaignsAsync(Access, default);

        Assert.Equal(ids, campaigns.Select(c => c.Id));
        Assert.Equal(("Search 0", PlatformStatus.Paused, PlatformBudgetType.Daily, 12.34m),
            (campaigns[0].Name, campaigns[0].Status, campaigns[0].BudgetType!.Value, campaigns[0].Budget!.Value));
        Assert.Contains("\"amountMicros\":\"12340000\"", _google.Requests.First().Body, StringComparison.Ordinal);
        Assert.Equal($"/{FakeGoogleAds.Version}/customers/{FakeGoogleAds.CustomerId}/campaignBudgets:mutate", _google.Requests.First().Path);
    }

    [Fact]
    public async Task GoogleAds_CreateCampaign_SendsDateTimesAndTheEuPoliticalDeclarationOfCurrentVersions()
    {
        var spec = new CampaignSpec("Dated", "Traffic", PlatformStatus.Paused, PlatformBudgetType.Daily, 5m, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31));

        var id = await Client.CreateCampaignAsync(Access, spec, default);
        var campaign = Assert.Single(await Client.ListCampaignsAsync(Access, default));

        Assert.Equal((id, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)), (campaign.Id, campaign.StartDate!.Value, campaign.EndDate!.Value));
        var create = _google.Requests.Single(r => r.Path.EndsWith("/campaigns:mutate", StringComparison.Ordinal)).Body;
        Assert.Contains("\"startDateTime\":\"2026-12-01 00:00:00\"", create, StringComparison.Ordinal);
        Assert.Contains("\"containsEuPoliticalAdvertising\":\"DOES_NOT_CONTAIN_EU_POLITICAL_ADVERTISING\"", create, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GoogleAds_DailyMetrics_ReadsEveryBatchAndConvertsMicros()
    {
        _google.MetricRows.AddRange(
        [
            FakeGoogleAds.Metric("2026-03-01", "1", 1_500_000, 100, 10, 1.6, 20.5),
            FakeGoogleAds.Metric("2026-03-02", "1", 2_250_000, 200, 20, 2, 30),
            FakeGoogleAds.Metric("2026-03-01", "2", 250_000, 50, 5, 0, 0),
        ]);

        var rows = await Client.GetDailyInsightsAsync(Access, new InsightsQuery(PlatformLevel.Campaign, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 2)), default);

        Assert.Equal(3, rows.Count);
        Assert.Equal(4.00m, rows.Sum(r => r.Spend));
        Assert.Equal((350L, 35L, 4L, 50.5m), (rows.Sum(r => r.Impressions), rows.Sum(r => r.Clicks), rows.Sum(r => r.Conversions), rows.Sum(r => r.Revenue)));
        Assert.Equal(("2", "USD"), (rows[2].CampaignId, rows[2].Currency));
    }

    [Fact]
    public async Task GoogleAds_Throttled_HonoursRetryAfterThenSucceeds()
    {
        _google.ThrottleTimes = 1;
        var watch = Stopwatch.StartNew();

        var campaigns = await Client.ListCampaignsAsync(Access, default);

        Assert.Empty(campaigns);
        Assert.Equal(2, _google.Requests.Count);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {watch.Elapsed}");
    }

    [Fact]
    public async Task GoogleAds_ThrottledWithLongRetryAfter_IsRateLimitedWithoutWaiting()
    {
        _google.ThrottleTimes = 1;
        _google.RetryAfterSeconds = 600;

        var error = await Assert.ThrowsAsync<PlatformException>(() => Client.ListCampaignsAsync(Access, default));

        Assert.Equal((PlatformErrorKind.RateLimited, TimeSpan.FromSeconds(600)), (error.Kind, error.RetryAfter!.Value));
        Assert.Single(_google.Requests);
    }

    [Fact]
    public async Task GoogleAds_InvalidArgument_IsValidationWithGooglesMessage()
    {
        var error = await Assert.ThrowsAsync<PlatformException>(() =>
            Client.CreateCampaignAsync(Access, new CampaignSpec("", "Traffic", PlatformStatus.Paused, PlatformBudgetType.Daily, 5m, null, null), default));

        Assert.Equal((PlatformErrorKind.Validation, "INVALID_ARGUMENT", "The required field was not present."), (error.Kind, error.PlatformCode, error.PlatformMessage));
    }

    [Fact]
    public async Task GoogleAds_ExpiredToken_IsAuthExpired()
    {
        _google.TokenExpired = true;

        var error = await Assert.ThrowsAsync<PlatformException>(() => Client.ListCampaignsAsync(Access, default));

        Assert.Equal(PlatformErrorKind.AuthExpired, error.Kind);
        var invalidGrant = await Assert.ThrowsAsync<PlatformException>(() => Client.RefreshAsync(new PlatformTokens("x", "1//revoked", null), default));
        Assert.Equal((PlatformErrorKind.AuthExpired, "invalid_grant"), (invalidGrant.Kind, invalidGrant.PlatformCode));
    }

    [Fact]
    public async Task GoogleAds_Tokens_NeverAppearInLogsOrMessages()
    {
        var tokens = await Client.ExchangeCodeAsync(new CodeExchange(FakeGoogleAds.Code, new Uri("https://app.example/cb"), null), default);
        await Client.RefreshAsync(tokens, default);
        await Client.ListAdAccountsAsync(FakeGoogleAds.AccessToken, default);
        _google.TokenExpired = true;
        var error = await Assert.ThrowsAsync<PlatformException>(() => Client.ListAdAccountsAsync(FakeGoogleAds.AccessToken, default));

        var logs = _host.Logs.All;
        Assert.Contains("/token answered 200", logs, StringComparison.Ordinal);
        foreach (var secret in new[] { FakeGoogleAds.AccessToken, FakeGoogleAds.RefreshToken, FakeGoogleAds.ClientSecret, FakeGoogleAds.Code })
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
        }
    }
}
