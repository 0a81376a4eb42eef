using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdPilot.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AdPilot.Web.Tests.Reports;

/// <summary>Reports over HTTP: a newcomer binds the simulated platform and gets ~90 days at once; drill-down, CSV, owner scoping.</summary>
public sealed class ReportsApiTests(AdPilotFactory factory) : IClassFixture<AdPilotFactory>
{
    private HttpClient Browser() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task BindingTheSimulatedPlatform_Brings90DaysAtOnce_AndTheDrillDownWorks()
    {
        var browser = Browser();
        await browser.PostDevLoginAsync("reports-newcomer@example.com");
        await browser.BindSimulatedAsync();

        // The callback queued the first sync of each account; it runs in the background within seconds.
        JsonElement accounts = default;
        for (var i = 0; i < 120; i++)
        {
            accounts = await browser.GetFromJsonAsync<JsonElement>("/api/v1/ad-accounts");
            if (accounts.EnumerateArray().All(a => a.GetProperty("lastSyncedAt").ValueKind != JsonValueKind.Null))
            {
                break;
            }

            await Task.Delay(500);
        }

        Assert.All(accounts.EnumerateArray(), a => Assert.NotEqual(JsonValueKind.Null, a.GetProperty("lastSyncedAt").ValueKind));
        var usd = accounts.EnumerateArray().First(a => a.GetProperty("currency").GetString() == "USD").GetProperty("id").GetInt64();

        var sync = await browser.PostAsync($"/api/v1/ad-accounts/{usd}/sync", null);
        Assert.Equal(HttpStatusCode.OK, sync.StatusCode);
        Assert.True((await sync.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows").GetInt32() > 0);

        var summary = await browser.GetFromJsonAsync<JsonElement>("/api/v1/reports/summary?from=2026-09-01&to=2026-11-20");
        Assert.Equal(["EUR", "USD"], summary.GetProperty("totals").EnumerateArray().Select(t => t.GetProperty("currency").GetString()));
        Assert.True(summary.GetProperty("totals")[1].GetProperty("current").GetProperty("spend").GetDecimal() > 0);

        var series = await browser.GetFromJsonAsync<JsonElement>($"/api/v1/reports/metrics?from=2026-09-01&to=2026-11-20&adAccountId={usd}&granularity=week");
        Assert.Equal("week", series.GetProperty("granularity").GetString());
        Assert.Equal("USD", series.GetProperty("series").EnumerateArray().Single().GetProperty("currency").GetString());

        var campaigns = await browser.GetFromJsonAsync<JsonElement>($"/api/v1/reports/breakdown?from=2026-09-01&to=2026-11-20&level=account&entityId={usd}&sort=roas");
        Assert.Equal("campaign", campaigns.GetProperty("childType").GetString());
        var campaign = campaigns.GetProperty("rows")[0];
        var adSets = await browser.GetFromJsonAsync<JsonElement>($"/api/v1/reports/breakdown?from=2026-09-01&to=2026-11-20&level=campaign&entityId={campaign.GetProperty("id").GetInt64()}");
        Assert.Equal("ad_set", adSets.GetProperty("rows")[0].GetProperty("entityType").GetString());
        var ads = await browser.GetFromJsonAsync<JsonElement>($"/api/v1/reports/breakdown?from=2026-09-01&to=2026-11-20&level=ad_set&entityId={adSets.GetProperty("rows")[0].GetProperty("id").GetInt64()}");
        Assert.Equal("ad", ads.GetProperty("rows")[0].GetProperty("entityType").GetString());

        var csv = await browser.GetAsync($"/api/v1/reports/export?from=2026-09-01&to=2026-11-20&level=account&entityId={usd}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("type,id,name,status,currency,spend", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var suggestions = await browser.GetFromJsonAsync<JsonElement>("/api/v1/reports/suggestions");
        Assert.Equal(JsonValueKind.Array, suggestions.ValueKind);
    }

    [Fact]
    public async Task AnotherUsersData_IsEmptyOr404_AndBadInputIsAProblem()
    {
        var owner = Browser();
        await owner.PostDevLoginAsync("reports-owner@example.com");
        await owner.BindSimulatedAsync();
        var account = (await owner.GetFromJsonAsync<JsonElement>("/api/v1/ad-accounts"))[0].GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsync($"/api/v1/ad-accounts/{account}/sync", null)).StatusCode);
        var intruder = factory.CreateClient();
        await intruder.SignInAsync("reports-intruder@example.com");

        foreach (var response in new[]
        {
            await intruder.PostAsync($"/api/v1/ad-accounts/{account}/sync", null),
            await intruder.GetAsync($"/api/v1/reports/breakdown?level=account&entityId={account}"),
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("not_found", (await response.ProblemAsync()).Code());
        }

        var summary = await intruder.GetFromJsonAsync<JsonElement>($"/api/v1/reports/summary?from=2026-09-01&to=2026-11-20&adAccountId={account}");
        Assert.Equal(0, summary.GetProperty("totals").GetArrayLength());

        var badLevel = await intruder.GetAsync("/api/v1/reports/metrics?level=planet");
        Assert.Equal(HttpStatusCode.BadRequest, badLevel.StatusCode);
        Assert.Equal("validation_failed", (await badLevel.ProblemAsync()).Code());
        var foreignAd = await intruder.PostAsJsonAsync("/api/v1/reports/metrics", new { metrics = new[] { new { adId = 1, date = "2026-11-01", spend = 1.5m } } });
        Assert.Equal(HttpStatusCode.NotFound, foreignAd.StatusCode);
        var negative = await intruder.PostAsJsonAsync("/api/v1/reports/metrics", new { metrics = new[] { new { adId = 1, date = "2026-11-01", spend = -1m } } });
        Assert.Equal("validation_failed", (await negative.ProblemAsync()).Code());
    }

}
