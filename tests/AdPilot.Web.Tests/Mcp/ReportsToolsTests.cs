using System.Text.Json;
using AdPilot.Core.AdAccounts;
using AdPilot.Core.Campaigns;
using AdPilot.Core.Credits;
using AdPilot.Core.Data;
using AdPilot.Core.Identity;
using AdPilot.Core.Reports;
using AdPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AdPilot.Web.Tests.Mcp;

/// <summary>A user's ad tree written straight to the database (no platform) and daily rows saved through the service, as the report tests do.</summary>
internal sealed record ReportTree(long AccountId, long[] Campaigns, long[] AdSets, long[] Ads)
{
    public static readonly DateOnly Monday = new(2026, 11, 16);
    public static readonly DateOnly Sunday = new(2026, 11, 22);

    /// <summary>A user with a USD tree (numbers for the week of <see cref="Monday"/> and the week before) and an EUR tree (that week only).</summary>
    public static async Task<(McpUser User, ReportTree Usd, ReportTree Eur)> SeedUserAsync(AdPilotFactory app, string email)
    {
        var user = await app.SignInAsync(email);
        var usd = await CreateAsync(app, user.Id, "USD");
        var eur = await CreateAsync(app, user.Id, "EUR");
        await usd.SaveDaysAsync(app, user.Id, Monday.AddDays(-7), Sunday);
        await eur.SaveDaysAsync(app, user.Id, Monday, Sunday);
        return (user, usd, eur);
    }

    public static async Task<ReportTree> CreateAsync(AdPilotFactory app, long userId, string currency)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var account = new AdAccount { UserId = userId, PlatformAccountId = $"{userId}-{currency}", Name = $"{currency} account", Currency = currency, CreatedAt = now, UpdatedAt = now };
        db.AdAccounts.Add(account);
        await db.SaveChangesAsync();
        // 2 campaigns × 2 ad sets × 2 ads, all active, daily budget 100.
        Ad NewAd(string name) => new() { UserId = userId, Name = name, Status = DeliveryStatus.Active, CreatedAt = now, UpdatedAt = now };
        AdSet NewSet(string name) => new() { UserId = userId, Name = name, Status = DeliveryStatus.Active, CreatedAt = now, UpdatedAt = now, Ads = [NewAd(name + " ad 1"), NewAd(name + " ad 2")] };
        var campaigns = new[] { 1, 2 }.Select(c => new Campaign
        {
            UserId = userId, AdAccountId = account.Id, Name = $"{currency} campaign {c}", Currency = currency, Status = DeliveryStatus.Active,
            BudgetType = BudgetType.Daily, Budget = 100m, CreatedAt = now, UpdatedAt = now, AdSets = [NewSet($"{currency} set {c}.1"), NewSet($"{currency} set {c}.2")],
        }).ToList();
        db.Campaigns.AddRange(campaigns);
        await db.SaveChangesAsync();
        return new ReportTree(account.Id, campaigns.Select(c => c.Id).ToArray(), campaigns.SelectMany(c => c.AdSets).Select(s => s.Id).ToArray(),
            campaigns.SelectMany(c => c.AdSets).SelectMany(s => s.Ads).Select(a => a.Id).ToArray());
    }

    /// <summary>Every day from <paramref name="from"/> to <paramref name="to"/>: ad 0 spends 10 (1 conversion, revenue 30), ad 4 spends 20 (1 conversion, revenue 20).</summary>
    public async Task SaveDaysAsync(AdPilotFactory app, long userId, DateOnly from, DateOnly to)
    {
        var rows = new List<MetricInput>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            rows.Add(new MetricInput { AdId = Ads[0], Date = day, Spend = 10m, Impressions = 1000, Clicks = 20, Conversions = 1, Revenue = 30m });
            rows.Add(new MetricInput { AdId = Ads[4], Date = day, Spend = 20m, Impressions = 1000, Clicks = 10, Conversions = 1, Revenue = 20m });
        }

        await app.Services.GetRequiredService<ReportService>().SaveAsync(userId, new SaveMetricsRequest { Metrics = rows });
    }
}

public sealed class ReportsToolsTests(AdPilotFactory app) : IClassFixture<AdPilotFactory>
{
    private Task<(McpUser User, ReportTree Usd, ReportTree Eur)> SeededAsync(string email) => ReportTree.SeedUserAsync(app, email);

    [Fact]
    public async Task GetReports_AllAccounts_OneTotalPerCurrencyWithThePreviousPeriod()
    {
        var (user, _, _) = await SeededAsync("mcp-reports-summary@example.com");
        await using var client = await app.ConnectMcpAsync(user.AccessToken);

        var summary = await client.SucceedsAsync("get_reports", new { from = "2026-11-16", to = "2026-11-22" });

        Assert.Equal(("2026-11-09", "2026-11-15"), (summary.GetProperty("previous_from").GetString(), summary.GetProperty("previous_to").GetString()));
        var totals = summary.GetProperty("totals").EnumerateArray().ToList();
        Assert.Equal(["EUR", "USD"], totals.Select(t => t.GetProperty("currency").GetString()));
        Assert.Equal(210m, totals[0].GetProperty("current").GetProperty("spend").GetDecimal()); // never 420: EUR and USD stay apart
        Assert.Equal(0m, totals[0].GetProperty("previous").GetProperty("spend").GetDecimal());
        var usd = totals[1];
        Assert.Equal((210m, 210m, 0m), (usd.GetProperty("current").GetProperty("spend").GetDecimal(), usd.GetProperty("previous").GetProperty("spend").GetDecimal(),
            usd.GetProperty("change").GetProperty("spend").GetDecimal()));
        Assert.Equal(1.666667m, usd.GetProperty("current").GetProperty("roas").GetDecimal());
    }

    [Fact]
    public async Task GetReports_CampaignAndAdSetScopes_CountOnlyTheirAds()
    {
        var (user, usd, _) = await SeededAsync("mcp-reports-scope@example.com");
        await using var client = await app.ConnectMcpAsync(user.AccessToken);

        var campaign = await client.SucceedsAsync("get_reports", new { from = "2026-11-16", to = "2026-11-22", campaign_id = usd.Campaigns[1] });
        var adSet = await client.SucceedsAsync("get_reports", new { from = "2026-11-16", to = "2026-11-22", ad_set_id = usd.AdSets[0] });
        var account = await client.SucceedsAsync("get_reports", new { from = "2026-11-16", to = "2026-11-22", ad_account_id = usd.AccountId });

        Assert.Equal(140m, campaign.GetProperty("totals")[0].GetProperty("current").GetProperty("spend").GetDecimal());
        Assert.Equal(70m, adSet.GetProperty("totals")[0].GetProperty("current").GetProperty("spend").GetDecimal());
        Assert.Equal("USD", account.GetProperty("totals").EnumerateArray().Single().GetProperty("currency").GetString());
    }

    [Fact]
    public async Task GetMetrics_ByWeekAtAdLevel_AndByDayPerCurrency()
    {
        var (user, usd, _) = await SeededAsync("mcp-reports-metrics@example.com");
        await using var client = await app.ConnectMcpAsync(user.AccessToken);

        var weekly = await client.SucceedsAsync("get_metrics", new { from = "2026-11-09", to = "2026-11-22", granularity = "week", ad_id = usd.Ads[0] });
        var daily = await client.SucceedsAsync("get_metrics", new { from = "2026-11-16", to = "2026-11-22" });

        Assert.Equal(("week", "ad"), (weekly.GetProperty("granularity").GetString(), weekly.GetProperty("level").GetString()));
        var points = weekly.GetProperty("series").EnumerateArray().Single().GetProperty("points").EnumerateArray().ToList();
        Assert.Equal([("2026-11-09", 70m), ("2026-11-16", 70m)], points.Select(p => (p.GetProperty("period").GetString(), p.GetProperty("spend").GetDecimal())));
        Assert.Equal(["EUR", "USD"], daily.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("currency").GetString()));
        Assert.All(daily.GetProperty("series").EnumerateArray(), s => Assert.Equal(7, s.GetProperty("points").GetArrayLength()));
    }

    [Fact]
    public async Task SaveMetrics_WritesRowsTheReportsRead_AndReplacesTheSameAdAndDay()
    {
        var user = await app.SignInAsync("mcp-reports-save@example.com");
        var usd = await ReportTree.CreateAsync(app, user.Id, "USD");
        await using var client = await app.ConnectMcpAsync(user.AccessToken);
        object Row(decimal spend) => new { metrics = new[] { new { ad_id = usd.Ads[2], date = "2026-11-20", spend, impressions = 500, clicks = 5, conversions = 2, revenue = 40m, currency = "USD" } } };

        Assert.Equal(1, (await client.SucceedsAsync("save_metrics", Row(12.5m))).GetProperty("saved").GetInt32());
        await client.SucceedsAsync("save_metrics", Row(15m));

        var summary = await client.SucceedsAsync("get_reports", new { from = "2026-11-20", to = "2026-11-20", ad_set_id = usd.AdSets[1] });
        Assert.Equal(15m, summary.GetProperty("totals")[0].GetProperty("current").GetProperty("spend").GetDecimal());
    }

    [Fact]
    public async Task BadArguments_AreFieldErrors()
    {
        var user = await app.SignInAsync("mcp-reports-bad@example.com");
        var usd = await ReportTree.CreateAsync(app, user.Id, "USD");
        await using var client = await app.ConnectMcpAsync(user.AccessToken);

        var date = await client.FailsAsync("get_reports", new { from = "2026-13-01" }, code: "validation_failed");
        Assert.True(date.GetProperty("errors").TryGetProperty("from", out _));
        var order = await client.FailsAsync("get_reports", new { from = "2026-11-22", to = "2026-11-01" }, code: "validation_failed");
        Assert.True(order.GetProperty("errors").TryGetProperty("from", out _));
        await client.FailsAsync("get_reports", new { campaign_id = usd.Campaigns[0], ad_set_id = usd.AdSets[0] }, code: "validation_failed");
        var granularity = await client.FailsAsync("get_metrics", new { granularity = "hour" }, code: "validation_failed");
        Assert.True(granularity.GetProperty("errors").TryGetProperty("granularity", out _));
        var row = await client.FailsAsync("save_metrics", new { metrics = new[] { new { ad_id = usd.Ads[0], date = "20/11/2026", spend = 1m } } }, code: "validation_failed");
        Assert.True(row.GetProperty("errors").TryGetProperty("metrics[0].date", out _));
        var negative = await client.FailsAsync("save_metrics", new { metrics = new[] { new { ad_id = usd.Ads[0], date = "2026-11-20", spend = -1m } } }, code: "validation_failed");
        Assert.Contains(negative.GetProperty("errors").EnumerateObject(), e => e.Name.StartsWith("metrics[0]", StringComparison.Ordinal));
        var currency = await client.FailsAsync("save_metrics", new { metrics = new[] { new { ad_id = usd.Ads[0], date = "2026-11-20", spend = 1m, currency = "EUR" } } }, code: "validation_failed");
        Assert.True(currency.GetProperty("errors").TryGetProperty("metrics[0].currency", out _));
        await client.FailsAsync("analyze_performance", new { to = "yesterday" }, code: "validation_failed");
    }

    [Fact]
    public async Task AnotherUsersIds_AreNotFound_AndChargeNothing()
    {
        var (owner, usd, _) = await SeededAsync("mcp-reports-owner@example.com");
        var stranger = await app.SignInAsync("mcp-reports-stranger@example.com");
        await using var client = await app.ConnectMcpAsync(stranger.AccessToken);
        var balance = await BalanceAsync(stranger.Id);

        await client.FailsAsync("get_reports", new { ad_account_id = usd.AccountId }, code: "not_found");
        await client.FailsAsync("get_reports", new { campaign_id = usd.Campaigns[0] }, code: "not_found");
        await client.FailsAsync("get_reports", new { ad_set_id = usd.AdSets[0] }, code: "not_found");
        await client.FailsAsync("get_metrics", new { ad_id = usd.Ads[0] }, code: "not_found");
        await client.FailsAsync("get_metrics", new { ad_account_id = usd.AccountId }, code: "not_found");
        await client.FailsAsync("save_metrics", new { metrics = new[] { new { ad_id = usd.Ads[0], date = "2026-11-20", spend = 1m } } }, code: "not_found");
        await client.FailsAsync("analyze_performance", new { to = "2026-11-22", ad_account_id = usd.AccountId }, code: "not_found");

        Assert.Equal(balance, await BalanceAsync(stranger.Id));
        await using var ownerClient = await app.ConnectMcpAsync(owner.AccessToken);
        var still = await ownerClient.SucceedsAsync("get_reports", new { from = "2026-11-20", to = "2026-11-20", ad_account_id = usd.AccountId });
        Assert.Equal(30m, still.GetProperty("totals")[0].GetProperty("current").GetProperty("spend").GetDecimal());
    }

    [Fact]
    public async Task AnalyzePerformance_ChargesOnce_ReturnsFindingsWithEvidence_AndReportsProgress()
    {
        var (user, usd, _) = await SeededAsync("mcp-reports-analyze@example.com");
        await using var client = await app.ConnectMcpAsync(user.AccessToken);
        var before = await BalanceAsync(user.Id);

        var progress = await ProgressOfAnalysisAsync(user.AccessToken);
        var result = await client.SucceedsAsync("analyze_performance", new { to = "2026-11-22", ad_account_id = usd.AccountId });

        var analysis = result.GetProperty("analysis");
        Assert.Equal(("2026-11-16", "2026-11-22"), (analysis.GetProperty("from").GetString(), analysis.GetProperty("to").GetString()));
        var findings = analysis.GetProperty("findings").EnumerateArray().ToList();
        var top = findings.First(f => f.GetProperty("rule").GetString() == "top_campaign");
        Assert.Equal((usd.Campaigns[0], "USD"), (top.GetProperty("entity").GetProperty("id").GetInt64(), top.GetProperty("currency").GetString()));
        Assert.Equal(3m, top.GetProperty("evidence").GetProperty("roas").GetDecimal());
        Assert.Contains(findings, f => f.GetProperty("rule").GetString() == "week_on_week");
        Assert.Equal(5m, result.GetProperty("charge").GetProperty("credits").GetDecimal());
        Assert.Equal(before - 10m, await BalanceAsync(user.Id));
        Assert.Equal(2, await DeductionsAsync(user.Id));
        Assert.Equal(["1/3 Charging credits", "2/3 Analysing the week", "3/3 Done", "result"], progress);
    }

    /// <summary>
    /// Calls analyze_performance over plain HTTP with a progress token and reads the call's own event stream: the
    /// progress notifications in the order the server sent them, then the result. (The SDK client hands notifications
    /// to its callback on another task, and drops any that arrive after the call returned, so it cannot be asked this.)
    /// </summary>
    private async Task<List<string>> ProgressOfAnalysisAsync(string accessToken)
    {
        using var http = app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        http.DefaultRequestHeaders.Accept.ParseAdd("text/event-stream");
        http.DefaultRequestHeaders.Add("MCP-Protocol-Version", "2025-06-18");
        var call = """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"analyze_performance","arguments":{"to":"2026-11-22"},"_meta":{"progressToken":"p-7"}}}""";
        using var response = await http.PostAsync("/mcp", new StringContent(call, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);

        var seen = new List<string>();
        foreach (var line in (await response.Content.ReadAsStringAsync()).Split('\n').Where(l => l.StartsWith("data:", StringComparison.Ordinal)))
        {
            using var message = JsonDocument.Parse(line["data:".Length..]);
            var root = message.RootElement;
            if (root.TryGetProperty("method", out var method) && method.GetString() == "notifications/progress")
            {
                var value = root.GetProperty("params");
                Assert.Equal("p-7", value.GetProperty("progressToken").GetString());
                seen.Add($"{value.GetProperty("progress").GetDouble()}/{value.GetProperty("total").GetDouble()} {value.GetProperty("message").GetString()}");
            }
            else if (root.TryGetProperty("id", out var id) && id.GetInt32() == 7)
            {
                Assert.False(root.GetProperty("result").TryGetProperty("isError", out var isError) && isError.GetBoolean(), root.GetRawText());
                seen.Add("result");
            }
        }

        return seen;
    }

    [Fact]
    public async Task AnalyzePerformance_BalanceShort_IsInsufficientCredits_AndChangesNothing()
    {
        var (user, _, _) = await SeededAsync("mcp-reports-broke@example.com");
        var credits = app.Services.GetRequiredService<CreditService>();
        var balance = await BalanceAsync(user.Id);
        // Spend all but 2 credits: chat_message (0.5) plus gpt-4o input tokens at 2.5 per 1,000.
        await credits.DeductAsync(user.Id, new DeductRequest { Operation = "chat_message", Model = "gpt-4o", InputTokens = (int)((balance - 2.5m) * 400), IdempotencyKey = "drain" });
        await using var client = await app.ConnectMcpAsync(user.AccessToken);

        var error = await client.FailsAsync("analyze_performance", new { to = "2026-11-22" }, code: "insufficient_credits");

        Assert.Equal((5m, 2m, "/billing"), (error.GetProperty("required").GetDecimal(), error.GetProperty("balance").GetDecimal(), error.GetProperty("recharge_url").GetString()));
        Assert.Contains("Billing", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(2m, await BalanceAsync(user.Id));
        Assert.Equal(1, await DeductionsAsync(user.Id));
    }

    [Fact]
    public async Task ReadOnlyToken_ReadsReports_ButCannotSaveOrSpendCredits()
    {
        var (user, usd, _) = await SeededAsync("mcp-reports-readonly@example.com");
        await using var client = await app.ConnectMcpAsync(await app.CreatePatAsync(user.Id, AccessScopes.Read));

        await client.SucceedsAsync("get_reports", new { from = "2026-11-16", to = "2026-11-22" });
        await client.SucceedsAsync("get_metrics", new { from = "2026-11-16", to = "2026-11-22" });
        await client.FailsAsync("save_metrics", new { metrics = new[] { new { ad_id = usd.Ads[0], date = "2026-11-20", spend = 1m } } }, code: "insufficient_scope");
        await client.FailsAsync("analyze_performance", new { to = "2026-11-22" }, code: "insufficient_scope");
        Assert.Equal(0, await DeductionsAsync(user.Id));
    }

    private Task<decimal> BalanceAsync(long userId) =>
        app.Services.GetRequiredService<CreditService>().GetBalanceAsync(userId).ContinueWith(t => t.Result.Total, TaskScheduler.Default);

    private async Task<int> DeductionsAsync(long userId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.CreditTransactions.CountAsync(t => t.UserId == userId && t.Type == CreditTransactionType.Deduct);
    }

}
