using AdPilot.Core.Common;
using AdPilot.Core.Credits;
using AdPilot.Core.Data;
using AdPilot.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Tests.Credits;

public sealed class MeteredWorkTests
{
    private static async Task<(TestDatabase Db, CreditService Credits, MeteredWork Metered, long User)> WorldAsync(decimal balance)
    {
        var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var clock = TestClock.At2026();
        var configs = ServiceFactory.Configs(db, clock);
        var credits = ServiceFactory.Credits(db, clock, configs);
        var user = await Seed.UserAsync(db);
        await credits.GrantAsync(user, CreditTransactionType.Gift, balance, "gift", null);
        return (db, credits, new MeteredWork(credits, configs), user);
    }

    private static MeteredCharge Charge(string key) => new("performance_analysis", key, key);

    [Fact]
    public async Task Run_Succeeds_ChargesOnceEvenWhenRetriedWithTheSameKey()
    {
        var (db, credits, metered, user) = await WorldAsync(20m);
        await using var _ = db;

        var first = await metered.RunAsync(user, Charge("k1"), _ => Task.FromResult("report"));
        var retry = await metered.RunAsync(user, Charge("k1"), _ => Task.FromResult("report"));

        Assert.Equal(("report", 5m, 15m), (first.Result, first.Credits, first.BalanceAfter));
        Assert.Equal(first.TransactionId, retry.TransactionId);
        Assert.Equal(15m, (await credits.GetBalanceAsync(user)).Total);
        await using var context = db.CreateDbContext();
        var charge = await context.CreditTransactions.SingleAsync(t => t.Type == CreditTransactionType.Deduct);
        Assert.Equal(MeteredWork.ReferencePrefix + "k1", charge.ReferenceId);
    }

    [Fact]
    public async Task Run_WorkThrows_RefundsTheChargeAndRethrows()
    {
        var (db, credits, metered, user) = await WorldAsync(20m);
        await using var _ = db;

        await Assert.ThrowsAsync<InvalidOperationException>(() => metered.RunAsync<string>(user, Charge("k2"), _ => throw new InvalidOperationException("boom")));

        Assert.Equal(20m, (await credits.GetBalanceAsync(user)).Total);
        await using var context = db.CreateDbContext();
        var types = await context.CreditTransactions.OrderBy(t => t.Id).Select(t => t.Type).ToListAsync();
        Assert.Equal([CreditTransactionType.Gift, CreditTransactionType.Deduct, CreditTransactionType.Refund], types);
    }

    [Fact]
    public async Task Run_BalanceShort_RefusesWithoutRunningOrChangingAnything()
    {
        var (db, credits, metered, user) = await WorldAsync(3m);
        await using var _ = db;
        var ran = false;

        var error = await Assert.ThrowsAsync<InsufficientCreditsException>(() => metered.RunAsync(user, Charge("k3"), _ => Task.FromResult(ran = true)));

        Assert.False(ran);
        Assert.Equal((5m, 3m), (error.Required, error.Available));
        Assert.Equal(3m, (await credits.GetBalanceAsync(user)).Total);
        await using var context = db.CreateDbContext();
        Assert.Equal(1, await context.CreditTransactions.CountAsync());
    }

    [Fact]
    public async Task Run_UnknownOperation_IsAValidationErrorBeforeAnyCharge()
    {
        var (db, _, metered, user) = await WorldAsync(20m);
        await using var _d = db;

        await Assert.ThrowsAsync<ValidationFailedException>(() => metered.RunAsync(user, new MeteredCharge("nope", "k4", "k4"), _ => Task.FromResult(1)));

        await using var context = db.CreateDbContext();
        Assert.Equal(1, await context.CreditTransactions.CountAsync());
    }
}
