using AdPilot.Core.Common;
using AdPilot.Core.Credits;
using AdPilot.Core.Data;
using AdPilot.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Tests.Credits;

public sealed class CreditServiceTests
{
    private static DeductRequest Charge(string key, string operation = "campaign_action", string? reference = null) =>
        new() { Operation = operation, IdempotencyKey = key, ReferenceId = reference };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Deduct_SpendsGiftedBeforePurchased(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var credits = ServiceFactory.Credits(db, TestClock.At2026());
        var user = await Seed.UserAsync(db);
        await credits.GrantAsync(user, CreditTransactionType.Gift, 1.5m, "g", null);
        await credits.GrantAsync(user, CreditTransactionType.Recharge, 10m, "r", null);

        var first = await credits.DeductAsync(user, Charge("a"));   // 1 credit, all gifted
        var second = await credits.DeductAsync(user, Charge("b"));  // 0.5 gifted + 0.5 purchased

        Assert.Equal((-1m, 0m), (first.GiftedDelta, first.PurchasedDelta));
        Assert.Equal((-0.5m, -0.5m), (second.GiftedDelta, second.PurchasedDelta));
        var balance = await credits.GetBalanceAsync(user);
        Assert.Equal((0m, 9.5m, 9.5m), (balance.Gifted, balance.Purchased, balance.Total));
        Assert.Equal(9.5m, second.BalanceAfter);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Deduct_MoreThanTheBalance_Is402AndChangesNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var credits = ServiceFactory.Credits(db, TestClock.At2026());
        var user = await Seed.UserAsync(db);
        await credits.GrantAsync(user, CreditTransactionType.Gift, 3m, "g", null);

        var error = await Assert.ThrowsAsync<InsufficientCreditsException>(() => credits.DeductAsync(user, Charge("big", "performance_analysis")));

        Assert.Equal("insufficient_credits", error.Code);
        Assert.Equal((5m, 3m), (error.Required, error.Available));
        Assert.Equal(3m, (await credits.GetBalanceAsync(user)).Total);
        await using var context = db.CreateDbContext();
        Assert.Equal(1, await context.CreditTransactions.CountAsync());
    }

    [Fact]
    public async Task Deduct_SameIdempotencyKey_ChargesOnce()
    {
        await using var db = await TestDatabase.CreateAsync();
        var credits = ServiceFactory.Credits(db, TestClock.At2026());
        var user = await Seed.UserAsync(db);
        await credits.GrantAsync(user, CreditTransactionType.Gift, 10m, "g", null);

        var first = await credits.DeductAsync(user, Charge("once"));
        var again = await credits.DeductAsync(user, Charge("once"));

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(9m, (await credits.GetBalanceAsync(user)).Total);
    }

    [Fact]
    public async Task Deduct_PricedFromTokens_RecordsVersionAndRates()
    {
        await using var db = await TestDatabase.CreateAsync();
        var credits = ServiceFactory.Credits(db, TestClock.At2026());
        var user = await Seed.UserAsync(db);
        await credits.GrantAsync(user, CreditTransactionType.Gift, 100m, "g", null);

        var charge = await credits.DeductAsync(user, new DeductRequest { Operation = "chat_message", Model = "gpt-4o", InputTokens = 1200, OutputTokens = 350, IdempotencyKey = "t" });

        // 0.5 + 1200 × 2.5/1000 + 350 × 10/1000 = 0.5 + 3 + 3.5
        Assert.Equal(-7m, charge.Amount);
        Assert.Equal((1, 0.5m, 2.5m, 10m), (charge.ConfigVersion!.Value, charge.OperationRate!.Value, charge.InputRatePer1K!.Value, charge.OutputRatePer1K!.Value));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Refund_GoesBackToTheBucketsItCameFrom_AndNeverExceedsTheCharge(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var credits = ServiceFactory.Credits(db, TestClock.At2026());
        var user = await Seed.UserAsync(db);
        await credits.GrantAsync(user, CreditTransactionType.Gift, 2m, "g", null);
        await credits.GrantAsync(user, CreditTransactionType.Recharge, 10m, "r", null);
        await credits.DeductAsync(user, Charge("d", "performance_analysis", reference: "msg-1")); // 2 gifted + 3 purchased

        var partial = await credits.RefundAsync(user, "msg-1", 4m, "refund-1");
        Assert.Equal((1m, 3m), (partial.GiftedDelta, partial.PurchasedDelta));

        var tooMuch = await Assert.ThrowsAsync<ConflictException>(() => credits.RefundAsync(user, "msg-1", 2m, "refund-2"));
        Assert.Equal("refund_exceeds_charge", tooMuch.Code);

        var rest = await credits.RefundAsync(user, "msg-1", null, "refund-3");
        Assert.Equal((1m, 0m), (rest.GiftedDelta, rest.PurchasedDelta));
        var balance = await credits.GetBalanceAsync(user);
        Assert.Equal((2m, 10m), (balance.Gifted, balance.Purchased));
    }

    [Fact]
    public async Task Refund_UnknownReference_IsRefused()
    {
        await using var db = await TestDatabase.CreateAsync();
        var credits = ServiceFactory.Credits(db, TestClock.At2026());
        var user = await Seed.UserAsync(db);
        await credits.GrantAsync(user, CreditTransactionType.Gift, 5m, "g", null);

        await Assert.ThrowsAsync<ConflictException>(() => credits.RefundAsync(user, "nothing", 1m, "r"));
        Assert.Equal(5m, (await credits.GetBalanceAsync(user)).Total);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Deduct_200InParallelOnOneAccount_NeverOverdrawsAndTheLedgerAgrees(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var credits = ServiceFactory.Credits(db, TestClock.At2026());
        var user = await Seed.UserAsync(db);
        await credits.GrantAsync(user, CreditTransactionType.Gift, 60m, "g", null);
        await credits.GrantAsync(user, CreditTransactionType.Recharge, 90m, "r", null);
        var parallel = provider == DatabaseProvider.MySql ? 200 : 60;

        var results = await Task.WhenAll(Enumerable.Range(0, parallel).Select(i => Task.Run(async () =>
        {
            try
            {
                await credits.DeductAsync(user, Charge($"p-{i}"));
                return true;
            }
            catch (InsufficientCreditsException)
            {
                return false;
            }
        })));

        Assert.Equal(Math.Min(parallel, 150), results.Count(ok => ok));
        await AssertLedgerAgreesAsync(db, user, expectedTotal: 150m - Math.Min(parallel, 150));
    }

    [Fact]
    public async Task Threshold_UserSetting_ChangesTheLevel()
    {
        await using var db = await TestDatabase.CreateAsync();
        var credits = ServiceFactory.Credits(db, TestClock.At2026());
        var user = await Seed.UserAsync(db);
        await credits.GrantAsync(user, CreditTransactionType.Gift, 60m, "g", null);
        Assert.Equal("ok", (await credits.GetBalanceAsync(user)).Level);

        var updated = await credits.SetLowBalanceThresholdAsync(user, new UpdateThresholdRequest { LowBalanceThreshold = 100m });

        Assert.Equal((100m, "low"), (updated.LowBalanceThreshold, updated.Level));
    }

    [Fact]
    public async Task Aggregate_GroupsByWeekInTheUsersTimeZone()
    {
        await using var db = await TestDatabase.CreateAsync();
        var clock = TestClock.At2026(); // Thursday 26 Nov 2026, 09:00 UTC
        var credits = ServiceFactory.Credits(db, clock);
        var user = await Seed.UserAsync(db);
        await credits.GrantAsync(user, CreditTransactionType.Gift, 100m, "g", null);
        await credits.DeductAsync(user, Charge("a"));
        clock.Advance(TimeSpan.FromDays(4)); // Monday 30 Nov
        await credits.DeductAsync(user, Charge("b", "performance_analysis"));

        var weeks = await credits.AggregateAsync(user, new CreditHistoryQuery(), HistoryGrouping.Week, "Asia/Shanghai");

        Assert.Equal([new CreditPeriod(new DateOnly(2026, 11, 23), 1m, 100m, 2), new CreditPeriod(new DateOnly(2026, 11, 30), 5m, 0m, 1)], weeks);
    }

    internal static async Task AssertLedgerAgreesAsync(TestDatabase db, long user, decimal expectedTotal)
    {
        await using var context = db.CreateDbContext();
        var balance = await context.CreditBalances.SingleOrDefaultAsync(b => b.UserId == user) ?? new CreditBalance { UserId = user };
        var ledger = await context.CreditTransactions.Where(t => t.UserId == user).ToListAsync();
        Assert.Equal(expectedTotal, balance.Gifted + balance.Purchased);
        Assert.Equal(balance.Gifted, ledger.Sum(t => t.GiftedDelta));
        Assert.Equal(balance.Purchased, ledger.Sum(t => t.PurchasedDelta));
        Assert.True(balance.Gifted >= 0 && balance.Purchased >= 0);
    }
}
