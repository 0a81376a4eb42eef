using AdPilot.Core.Credits;
using AdPilot.Core.Data;
using AdPilot.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Tests.Credits;

/// <summary>A repeated idempotency key replays the first result even when the same change would be refused now.</summary>
public sealed class CreditReplayTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Deduct_RepeatedAfterTheBalanceRanOut_ReplaysTheCharge(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var credits = ServiceFactory.Credits(db, TestClock.At2026());
        var user = await Seed.UserAsync(db);
        await credits.GrantAsync(user, CreditTransactionType.Gift, 6m, "g", null);
        var first = await credits.DeductAsync(user, new DeductRequest { Operation = "performance_analysis", IdempotencyKey = "k" });

        var again = await credits.DeductAsync(user, new DeductRequest { Operation = "performance_analysis", IdempotencyKey = "k" });

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(1m, (await credits.GetBalanceAsync(user)).Total);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Refund_RepeatedAfterAllWasRefunded_ReplaysTheRefund(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var credits = ServiceFactory.Credits(db, TestClock.At2026());
        var user = await Seed.UserAsync(db);
        await credits.GrantAsync(user, CreditTransactionType.Gift, 10m, "g", null);
        await credits.DeductAsync(user, new DeductRequest { Operation = "performance_analysis", IdempotencyKey = "d", ReferenceId = "r" });
        var first = await credits.RefundAsync(user, "r", null, "refund");

        var again = await credits.RefundAsync(user, "r", null, "refund");

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(10m, (await credits.GetBalanceAsync(user)).Total);
        await using var context = db.CreateDbContext();
        Assert.Equal(1, await context.CreditTransactions.CountAsync(t => t.Type == CreditTransactionType.Refund));
        await Assert.ThrowsAsync<AdPilot.Core.Common.ConflictException>(() => credits.RefundAsync(user, "r", null, "another"));
    }
}
