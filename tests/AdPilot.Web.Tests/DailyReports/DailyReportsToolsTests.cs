using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AdPilot.Web.Tests.Mcp;
using AdPilot.Web.Tests.Support;
using Xunit;

namespace AdPilot.Web.Tests.DailyReports;

/// <summary>The daily report over MCP (get_daily_report) and REST (GET /api/v1/reports/daily): same content, owner-scoped, bad dates refused.</summary>
public sealed class DailyReportsToolsTests(AdPilotFactory app) : IClassFixture<AdPilotFactory>
{
    private HttpClient Api(McpUser user)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        return client;
    }

    [Fact]
    public async Task GetDailyReport_Tool_SameNumbersAsTheRoute()
    {
        var (user, usd, _) = await ReportTree.SeedUserAsync(app, "daily-tool@example.com");
        await using var client = await app.ConnectMcpAsync(user.AccessToken);

        var report = await client.SucceedsAsync("get_daily_report", new { date = "2026-11-22" });

        Assert.Equal(("2026-11-22", "2026-11-21", "2026-11-15"), (report.GetProperty("date").GetString(), report.GetProperty("day_before").GetString(),
            report.GetProperty("same_weekday_last_week").GetString()));
        var accounts = report.GetProperty("accounts").EnumerateArray().ToList();
        Assert.Equal(["EUR", "USD"], accounts.Select(a => a.GetProperty("currency").GetString()));
        var day = accounts[1].GetProperty("day");
        Assert.Equal((30m, 2L, 1.666667m, 15m), (day.GetProperty("spend").GetDecimal(), day.GetProperty("conversions").GetInt64(), day.GetProperty("roas").GetDecimal(), day.GetProperty("cpa").GetDecimal()));
        Assert.Equal(0m, accounts[1].GetProperty("vs_day_before").GetProperty("spend").GetDecimal());
        Assert.Equal(usd.Campaigns[0], accounts[1].GetProperty("top")[0].GetProperty("id").GetInt64());

        var rest = await Api(user).GetFromJsonAsync<JsonElement>("/api/v1/reports/daily?date=2026-11-22");
        Assert.Equal(30m, rest.GetProperty("accounts")[1].GetProperty("day").GetProperty("spend").GetDecimal());
        Assert.Equal("/reports?range=custom&from=2026-11-22&to=2026-11-22", rest.GetProperty("link").GetString());
    }

    [Fact]
    public async Task GetDailyReport_NoDate_IsYesterdayInTheUsersZone()
    {
        var user = await app.SignInAsync("daily-default@example.com");
        await using var client = await app.ConnectMcpAsync(user.AccessToken);
        var before = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);

        var date = DateOnly.Parse((await client.SucceedsAsync("get_daily_report")).GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        Assert.InRange(date, before, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1));
    }

    [Fact]
    public async Task GetDailyReport_AnotherUser_SeesNoneOfTheOwnersAccounts()
    {
        await ReportTree.SeedUserAsync(app, "daily-owner@example.com");
        var intruder = await app.SignInAsync("daily-intruder@example.com");
        await using var client = await app.ConnectMcpAsync(intruder.AccessToken);

        Assert.Equal(0, (await client.SucceedsAsync("get_daily_report", new { date = "2026-11-22" })).GetProperty("accounts").GetArrayLength());
        Assert.Equal(0, (await Api(intruder).GetFromJsonAsync<JsonElement>("/api/v1/reports/daily?date=2026-11-22")).GetProperty("accounts").GetArrayLength());
    }

    [Theory]
    [InlineData("yesterday", "invalid_request")] // REST: the binder's own problem, as on every route with a date
    [InlineData("2026-02-30", "invalid_request")]
    [InlineData("2999-01-01", "validation_failed")]
    [InlineData("1999-01-01", "validation_failed")]
    public async Task GetDailyReport_BadDate_IsAProblem(string date, string restCode)
    {
        var user = await app.SignInAsync($"daily-bad-{date}@example.com");
        await using var client = await app.ConnectMcpAsync(user.AccessToken);

        await client.FailsAsync("get_daily_report", new { date }, "validation_failed");
        var response = await Api(user).GetAsync($"/api/v1/reports/daily?date={date}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(restCode, (await response.ProblemAsync()).Code());
    }

    [Fact]
    public async Task GetDailyReport_Anonymous_Unauthorized()
    {
        var response = await app.CreateClient().GetAsync("/api/v1/reports/daily");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
