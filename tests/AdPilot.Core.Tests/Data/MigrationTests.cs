using AdPilot.Core.Data;
using AdPilot.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Tests.Data;

public sealed class MigrationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_EmptyDatabase_AppliesEveryMigrationAndLeavesNoPendingModelChanges(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, migrate: false);
        await using var context = db.CreateDbContext();

        Assert.NotEmpty(context.Database.GetMigrations());
        await context.Database.MigrateAsync();

        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.False(context.Database.HasPendingModelChanges(), "The model changed without a migration: run dotnet ef migrations add for both providers.");
        Assert.Equal(0, await context.Users.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Decimals_RoundTripExactlyAndSumExactly(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var context = db.CreateDbContext())
        {
            var user = new AdPilot.Core.Users.User { Subject = "s", Email = "d@example.com" };
            context.Users.Add(user);
            await context.SaveChangesAsync();
            context.CreditBalances.Add(new AdPilot.Core.Credits.CreditBalance { UserId = user.Id, Gifted = 0.1m, Purchased = 12345678.9999m });
            for (var i = 0; i < 10; i++)
            {
                context.CreditTransactions.Add(new AdPilot.Core.Credits.CreditTransaction { UserId = user.Id, Type = AdPilot.Core.Credits.CreditTransactionType.Gift, Amount = 0.1m, IdempotencyKey = $"k{i}" });
            }

            await context.SaveChangesAsync();
        }

        await using var read = db.CreateDbContext();
        var balance = await read.CreditBalances.SingleAsync();
        Assert.Equal(0.1m, balance.Gifted);
        Assert.Equal(12345678.9999m, balance.Purchased);
        Assert.Equal(1.0m, await read.CreditTransactions.SumAsync(t => t.Amount));
    }
}
