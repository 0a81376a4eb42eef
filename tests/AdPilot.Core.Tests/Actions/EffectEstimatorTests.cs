using System.Text.Json.Nodes;
using AdPilot.Core.Actions;
using AdPilot.Core.Campaigns;
using AdPilot.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AdPilot.Core.Tests.Reports.ReportWorld;

namespace AdPilot.Core.Tests.Actions;

/// <summary>A proposal's estimated spend per day, from the entity's recent run rate; null when the data does not allow one.</summary>
public sealed class EffectEstimatorTests
{
    // Today is 2026-11-26 (UTC): the last 7 full days are the 19th to the 25th.
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Fact]
    public async Task EstimateAsync_Pausing_SavesTheAverageDailySpendOfTheLast7Days()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (w, estimator) = await WorldAsync(db);
        var ad = w.Usd.Ads[0];
        await w.SaveAsync(Row(ad, Today.AddDays(-1), 40m), Row(ad, Today.AddDays(-3), 30m), Row(ad, Today.AddDays(-7), 14.7m), Row(ad, Today.AddDays(-8), 500m), Row(ad, Today, 500m));

        var campaign = await estimator.EstimateAsync(w.UserId, "campaign", w.Usd.Campaigns[0], Status("active"), Status("paused"));
        var adLevel = await estimator.EstimateAsync(w.UserId, "ad", ad, Status("active"), Status("paused"));

        Assert.Equal((-12.1m, "USD"), (campaign!["spend_per_day"]!.GetValue<decimal>(), campaign["currency"]!.GetValue<string>()));
        Assert.Equal("Saves about 12.10 USD a day at the last 7 days' run rate.", campaign["summary"]!.GetValue<string>());
        Assert.Equal(-12.1m, adLevel!["spend_per_day"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task EstimateAsync_Resuming_AddsTheAverageOfItsLast7DaysWithSpend()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (w, estimator) = await WorldAsync(db);
        var ad = w.Usd.Ads[0];
        // Paused for the last three weeks; before that 8 days of spend, the oldest (999) beyond the last 7 active days.
        await w.SaveAsync([.. Enumerable.Range(22, 7).Select(d => Row(ad, Today.AddDays(-d), 20m)), Row(ad, Today.AddDays(-29), 999m), Row(ad, Today.AddDays(-3), 0m)]);

        var estimate = await estimator.EstimateAsync(w.UserId, "ad_set", w.Usd.AdSets[0], Status("paused"), Status("active"));

        Assert.Equal(20m, estimate!["spend_per_day"]!.GetValue<decimal>());
        Assert.Contains("last 7 days with spend", estimate["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EstimateAsync_DailyBudgetChange_IsTheDeltaCappedByWhatItSpent()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (w, estimator) = await WorldAsync(db);
        var campaign = w.Usd.Campaigns[0];
        await w.SaveAsync([.. Enumerable.Range(1, 7).Select(d => Row(w.Usd.Ads[0], Today.AddDays(-d), 80m))]); // budget 100, spends 80 a day

        var deepCut = await estimator.EstimateAsync(w.UserId, "campaign", campaign, Budget(100m), Budget(50m));
        var smallCut = await estimator.EstimateAsync(w.UserId, "campaign", campaign, Budget(100m), Budget(90m));
        var raise = await estimator.EstimateAsync(w.UserId, "campaign", campaign, Budget(100m), Budget(150m));

        Assert.Equal(-30m, deepCut!["spend_per_day"]!.GetValue<decimal>()); // it spent 80, not 100: at most 30 less
        Assert.Contains("it spent 80.00 USD a day", deepCut["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0m, smallCut!["spend_per_day"]!.GetValue<decimal>());
        Assert.StartsWith("Saves little or nothing", smallCut["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(40m, raise!["spend_per_day"]!.GetValue<decimal>()); // 50 more budget × the 80 % it spends
        Assert.Contains("80 %", raise["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EstimateAsync_WithoutDataOrForALifetimeBudget_IsNull()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (w, estimator) = await WorldAsync(db);
        await w.SaveAsync(Row(w.Usd.Ads[0], Today.AddDays(-1), 80m));
        await using (var context = db.CreateDbContext())
        {
            await context.Campaigns.Where(c => c.Id == w.Usd.Campaigns[0]).ExecuteUpdateAsync(s => s.SetProperty(c => c.BudgetType, BudgetType.Lifetime));
        }

        Assert.Null(await estimator.EstimateAsync(w.UserId, "campaign", w.Usd.Campaigns[0], Budget(100m), Budget(50m)));          // lifetime
        Assert.Null(await estimator.EstimateAsync(w.UserId, "campaign", w.Usd.Campaigns[1], Status("active"), Status("paused"))); // no spend
        Assert.Null(await estimator.EstimateAsync(w.UserId, "campaign", w.Usd.Campaigns[0], new JsonObject { ["name"] = "a" }, new JsonObject { ["name"] = "b" }));
        Assert.Null(await estimator.EstimateAsync(w.UserId, "creative", 1, Status("active"), Status("paused")));
        var stranger = await Seed.UserAsync(db, "estimates-stranger@example.com");
        Assert.Null(await estimator.EstimateAsync(stranger, "campaign", w.Usd.Campaigns[0], Status("active"), Status("paused")));
    }

    private static async Task<(Reports.ReportWorld World, EffectEstimator Estimator)> WorldAsync(TestDatabase db)
    {
        var w = await CreateAsync(db, "estimates@example.com");
        return (w, new EffectEstimator(db, w.Queries, w.Clock));
    }

    private static JsonObject Status(string status) => new() { ["status"] = status };

    private static JsonObject Budget(decimal budget) => new() { ["budget"] = budget };
}
