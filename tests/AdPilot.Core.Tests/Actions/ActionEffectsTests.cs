using System.Text.Json.Nodes;
using AdPilot.Core.Actions;
using AdPilot.Core.Data;
using AdPilot.Core.Reports;
using AdPilot.Core.Tests.Reports;
using AdPilot.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using static AdPilot.Core.Tests.Reports.ReportWorld;

namespace AdPilot.Core.Tests.Actions;

/// <summary>The measured effect: the 3 days before vs the 3 days after a change, once those have passed in the account's time zone.</summary>
public sealed class ActionEffectsTests
{
    // The clock starts at 2026-11-26 09:00 UTC: changes are made on the 26th; the 23rd–25th are before, the 27th–29th after.
    private static readonly DateOnly ChangeDay = new(2026, 11, 26);

    private sealed record World(ReportWorld Reports, ActionLogService Log, ActionEffects Effects, TestDatabase Db);

    private static async Task<World> WorldAsync(TestDatabase db)
    {
        var reports = await CreateAsync(db, "effects@example.com");
        return new World(reports, new ActionLogService(db, reports.Clock),
            new ActionEffects(db, reports.Queries, reports.Clock, NullLogger<ActionEffects>.Instance), db);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MeasureDueAsync_NotBeforeThreeFullDays_ThenTheMetricsBeforeVsAfter_PerCurrency(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await WorldAsync(db);
        var (campaign, ad) = (w.Reports.Usd.Campaigns[0], w.Reports.Usd.Ads[0]);
        for (var d = 1; d <= 3; d++)
        {
            await w.Reports.SaveAsync(Row(ad, ChangeDay.AddDays(-d), 100m, 1000, 20, 5, 250m), Row(ad, ChangeDay.AddDays(d), 68m, 1000, 20, 5, 250m));
        }

        await w.Reports.SaveAsync(Row(ad, ChangeDay, 999m), Row(ad, ChangeDay.AddDays(-4), 999m), Row(ad, ChangeDay.AddDays(4), 999m)); // outside both windows
        await OtherCurrencyAsync(w, w.Reports.Usd.Ads[1], ChangeDay.AddDays(-2), 50m);
        var entry = await RecordAsync(w, "pause_campaign", "campaign", campaign);

        w.Reports.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 23, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, await w.Effects.MeasureDueAsync());
        Assert.Null((await w.Log.GetAsync(w.Reports.UserId, entry.Id)).Effect);

        w.Reports.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 0, 1, 0, TimeSpan.Zero));
        Assert.Equal(1, await w.Effects.MeasureDueAsync());
        Assert.Equal(0, await w.Effects.MeasureDueAsync());

        var measured = await w.Log.GetAsync(w.Reports.UserId, entry.Id);
        var effect = measured.Effect!;
        Assert.Equal(w.Reports.Clock.GetUtcNow().UtcDateTime, measured.EffectMeasuredAt);
        Assert.Equal(("measured", "2026-11-23", "2026-11-25", "2026-11-27", "2026-11-29"), (S(effect["status"]), S(effect["before"]!["from"]), S(effect["before"]!["to"]),
            S(effect["after"]!["from"]), S(effect["after"]!["to"])));
        var currencies = effect["currencies"]!.AsArray();
        Assert.Equal(["EUR", "USD"], currencies.Select(c => S(c!["currency"])));
        var (eur, usd) = (currencies[0]!, currencies[1]!);
        Assert.Equal((50m, 0m), (D(eur["before"]!["spend"]), D(eur["after"]!["spend"])));
        Assert.Equal((300m, 204m, -32m), (D(usd["before"]!["spend"]), D(usd["after"]!["spend"]), D(usd["change_percent"]!["spend"])));
        Assert.Equal((20m, 13.6m, 15L, 15L), (D(usd["before"]!["cpa"]), D(usd["after"]!["cpa"]), usd["before"]!["conversions"]!.GetValue<long>(), usd["after"]!["conversions"]!.GetValue<long>()));
        Assert.Equal((2.5m, Math.Round(750m / 204m, 6)), (D(usd["before"]!["roas"]), D(usd["after"]!["roas"])));
        Assert.Equal(0.02m, D(usd["after"]!["ctr"]));
    }

    [Fact]
    public async Task MeasureDueAsync_CountsDaysInTheAccountsTimeZone_AndWaitsForTheMetricsSync()
    {
        await using var db = await TestDatabase.CreateAsync();
        var w = await WorldAsync(db);
        await SetAccountAsync(db, w.Reports.Usd.AccountId, "Asia/Shanghai", new DateTime(2026, 11, 30, 10, 0, 0, DateTimeKind.Utc));
        // 20:00 UTC on the 26th is 04:00 on the 27th in Shanghai: the after window is 28–30 November there, over at 16:00 UTC on the 30th.
        w.Reports.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 20, 0, 0, TimeSpan.Zero));
        await w.Reports.SaveAsync(Row(w.Reports.Usd.Ads[0], new DateOnly(2026, 11, 24), 10m), Row(w.Reports.Usd.Ads[0], new DateOnly(2026, 11, 28), 30m));
        var entry = await RecordAsync(w, "pause_ad", "ad", w.Reports.Usd.Ads[0]);

        w.Reports.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 15, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, await w.Effects.MeasureDueAsync());
        w.Reports.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 17, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await w.Effects.MeasureDueAsync()); // the last sync ran before the window ended: its last day may be missing
        await SetAccountAsync(db, w.Reports.Usd.AccountId, "Asia/Shanghai", new DateTime(2026, 11, 30, 16, 30, 0, DateTimeKind.Utc));
        Assert.Equal(1, await w.Effects.MeasureDueAsync());

        var effect = (await w.Log.GetAsync(w.Reports.UserId, entry.Id)).Effect!;
        Assert.Equal(("2026-11-24", "2026-11-28"), (S(effect["before"]!["from"]), S(effect["after"]!["from"])));
        Assert.Equal((10m, 30m), (D(effect["currencies"]![0]!["before"]!["spend"]), D(effect["currencies"]![0]!["after"]!["spend"])));
    }

    [Fact]
    public async Task MeasureDueAsync_StuckSync_MeasuresAnywayAfterTheMaximumWait()
    {
        await using var db = await TestDatabase.CreateAsync();
        var w = await WorldAsync(db);
        await SetAccountAsync(db, w.Reports.Usd.AccountId, "UTC", new DateTime(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc));
        var entry = await RecordAsync(w, "pause_ad_set", "ad_set", w.Reports.Usd.AdSets[0]);

        w.Reports.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 0, 1, 0, TimeSpan.Zero).AddDays(ActionEffects.MaxWaitDays - 1));
        Assert.Equal(0, await w.Effects.MeasureDueAsync());
        w.Reports.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await w.Effects.MeasureDueAsync());
        Assert.Equal("no_metrics", S((await w.Log.GetAsync(w.Reports.UserId, entry.Id)).Effect!["status"]));
    }

    [Fact]
    public async Task MeasureDueAsync_EntriesWithNothingToMeasure_GetAnEffectSayingWhy_SoTheyAreNotRetried()
    {
        await using var db = await TestDatabase.CreateAsync();
        var w = await WorldAsync(db);
        var creative = await RecordAsync(w, "delete_creative", "creative", 7);
        var silent = await RecordAsync(w, "pause_campaign", "campaign", w.Reports.Usd.Campaigns[1]);
        var gone = await RecordAsync(w, "pause_campaign", "campaign", 987_654);
        var undone = await RecordAsync(w, "pause_campaign", "campaign", w.Reports.Usd.Campaigns[0]);
        await using (var context = db.CreateDbContext())
        {
            var undoneAt = w.Reports.Clock.GetUtcNow().UtcDateTime.AddDays(1);
            await context.Set<ActionLogEntry>().Where(a => a.Id == undone.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.UndoneAt, undoneAt));
        }

        w.Reports.Clock.Advance(TimeSpan.FromDays(4));
        Assert.Equal(4, await w.Effects.MeasureDueAsync());

        var statuses = new List<string?>();
        foreach (var entry in new[] { creative, silent, gone, undone })
        {
            var effect = (await w.Log.GetAsync(w.Reports.UserId, entry.Id)).Effect!;
            Assert.False(string.IsNullOrEmpty(S(effect["reason"])));
            statuses.Add(S(effect["status"]));
        }

        Assert.Equal(["no_metrics", "no_metrics", "no_metrics", "undone"], statuses);
        Assert.Equal(0, await w.Effects.MeasureDueAsync());
    }

    private static Task<ActionLogView> RecordAsync(World w, string action, string entityType, long entityId) =>
        w.Log.RecordAsync(w.Reports.UserId, new Actor(ActionSources.Agent, "chat"), new ActionRecord(action, entityType, entityId, $"{entityType} {entityId}", action,
            new JsonObject { ["status"] = "active" }, new JsonObject { ["status"] = "paused" }));

    /// <summary>A row in a currency other than the account's (as a platform may report after a currency change), saved past the API's check.</summary>
    private static async Task OtherCurrencyAsync(World w, long adId, DateOnly date, decimal spend)
    {
        await using var context = w.Db.CreateDbContext();
        var ad = await context.Ads.Where(a => a.Id == adId).Join(context.AdSets, a => a.AdSetId, s => s.Id, (a, s) => new { a.Id, s.CampaignId, AdSetId = s.Id }).SingleAsync();
        await w.Reports.Reports.UpsertAsync(context, [new ReportMetric
        {
            UserId = w.Reports.UserId, AdAccountId = w.Reports.Usd.AccountId, CampaignId = ad.CampaignId, AdSetId = ad.AdSetId, AdId = ad.Id, Date = date,
            Spend = spend, Impressions = 100, Clicks = 1, Currency = "EUR",
        }], default);
    }

    private static async Task SetAccountAsync(TestDatabase db, long accountId, string timeZone, DateTime lastSynced)
    {
        await using var context = db.CreateDbContext();
        await context.AdAccounts.Where(a => a.Id == accountId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.TimeZone, timeZone).SetProperty(a => a.LastSyncedAt, lastSynced));
    }

    private static string? S(JsonNode? node) => node?.GetValue<string>();

    private static decimal D(JsonNode? node) => node!.GetValue<decimal>();
}
