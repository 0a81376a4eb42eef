using AdPilot.Core.Common;
using AdPilot.Core.Data;
using AdPilot.Core.Reports;
using AdPilot.Core.Tests.Support;
using static AdPilot.Core.Tests.Reports.ReportWorld;

namespace AdPilot.Core.Tests.Reports;

/// <summary>Flat lists across levels: every ad set of an account (or of all accounts) sorted by a metric, in its own currency.</summary>
public sealed class ReportRankingsTests
{
    private static readonly DateOnly Day = new(2026, 11, 2);
    private static readonly ReportScope Range = new() { From = Day, To = Day };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rank_AdSetsOfAnAccount_AcrossItsCampaigns_SortedByCpa(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await CreateAsync(db);
        // Ad sets 0 (campaign 1) and 3 (campaign 2) have numbers; CPA 30 and 5. The EUR account's ad set is another currency.
        await w.SaveAsync(Row(w.Usd.Ads[0], Day, 30m), Row(w.Usd.Ads[6], Day, 10m, conversions: 2), Row(w.Eur.Ads[0], Day, 100m));

        var ranked = await new ReportRankings(db, w.Queries).RankAsync(w.UserId, Range with { AdAccountId = w.Usd.AccountId }, ReportLevel.AdSet, "cpa");

        Assert.Equal("ad_set", ranked.ChildType);
        Assert.Equal(4, ranked.Rows.Count);
        Assert.Equal([(w.Usd.AdSets[0], 30m), (w.Usd.AdSets[3], 5m)], ranked.Rows.Take(2).Select(r => (r.Id, r.Cpa!.Value)));
        Assert.All(ranked.Rows.Skip(2), r => Assert.Null(r.Cpa)); // no conversions: last, either way
        Assert.All(ranked.Rows, r => Assert.Equal("USD", r.Currency));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rank_EveryLevel_AllAccountsOrOneEntity(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await CreateAsync(db);
        await w.SaveAsync(Row(w.Usd.Ads[0], Day, 30m, clicks: 10, conversions: 1), Row(w.Usd.Ads[1], Day, 10m, clicks: 10, conversions: 5), Row(w.Eur.Ads[7], Day, 100m));
        var rankings = new ReportRankings(db, w.Queries);

        var accounts = await rankings.RankAsync(w.UserId, Range, ReportLevel.Account, "spend");
        Assert.Equal([(w.Eur.AccountId, "EUR", 100m), (w.Usd.AccountId, "USD", 40m)], accounts.Rows.Select(r => (r.Id, r.Currency, r.Spend)));
        var ads = await rankings.RankAsync(w.UserId, Range, ReportLevel.Ad, "spend");
        Assert.Equal(16, ads.Rows.Count);
        Assert.Equal([w.Eur.Ads[7], w.Usd.Ads[0], w.Usd.Ads[1]], ads.Rows.Take(3).Select(r => r.Id));
        var byCvr = await rankings.RankAsync(w.UserId, Range with { Level = ReportLevel.Campaign, EntityId = w.Usd.Campaigns[0] }, ReportLevel.Ad, "cvr");
        Assert.Equal([w.Usd.Ads[1], w.Usd.Ads[0]], byCvr.Rows.Take(2).Select(r => r.Id));
        Assert.Equal(4, byCvr.Rows.Count);
        var campaigns = await rankings.RankAsync(w.UserId, Range with { Currency = "EUR" }, ReportLevel.Campaign);
        Assert.Equal([w.Eur.Campaigns[1], w.Eur.Campaigns[0]], campaigns.Rows.Select(r => r.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rank_AnotherUsersScope_IsNotFound_AndALevelAboveTheScopeIsRefused(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await CreateAsync(db);
        await w.SaveAsync(Row(w.Usd.Ads[0], Day, 30m));
        var other = await Seed.UserAsync(db, "other@example.com");
        var rankings = new ReportRankings(db, w.Queries);

        Assert.Empty((await rankings.RankAsync(other, Range, ReportLevel.AdSet)).Rows);
        await Assert.ThrowsAsync<NotFoundException>(() => rankings.RankAsync(other, Range with { AdAccountId = w.Usd.AccountId }, ReportLevel.AdSet));
        await Assert.ThrowsAsync<NotFoundException>(() => rankings.RankAsync(other, Range with { Level = ReportLevel.Campaign, EntityId = w.Usd.Campaigns[0] }, ReportLevel.Ad));
        var above = await Assert.ThrowsAsync<ValidationFailedException>(() => rankings.RankAsync(w.UserId, Range with { Level = ReportLevel.AdSet, EntityId = w.Usd.AdSets[0] }, ReportLevel.Campaign));
        Assert.Contains("level", above.Errors.Keys);
        await Assert.ThrowsAsync<ValidationFailedException>(() => rankings.RankAsync(w.UserId, Range, ReportLevel.AdSet, "happiness"));
    }
}
