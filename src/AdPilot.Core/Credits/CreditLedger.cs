using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Credits;

/// <summary>
/// The ledger's write path, shared by credits and billing so a payment and its credits commit in one transaction.
/// Callers open the transaction; <see cref="LockAsync"/> takes the balance row's write lock first (an UPDATE: a row
/// lock on MySQL, the database write lock on SQLite), so read-compute-write below it is serialised per user.
/// </summary>
internal static class CreditLedger
{
    /// <summary>Creates the user's balance row if missing (outside any transaction: a race only loses an insert).</summary>
    public static async Task EnsureBalanceAsync(IDbContextFactory<AppDbContext> dbFactory, long userId, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.CreditBalances.AnyAsync(b => b.UserId == userId, ct))
        {
            return;
        }

        db.CreditBalances.Add(new CreditBalance { UserId = userId, UpdatedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Created concurrently, or the user does not exist; LockAsync tells the two apart.
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction holding the user's balance lock and commits what it saved.
    /// A deadlock victim, a busy database or a lost race on a unique key rolls back and runs again: nothing was
    /// committed, so the retry either succeeds or finds the committed result (e.g. by idempotency key).
    /// <paramref name="work"/> returns <c>Commit: false</c> to roll back without error.
    /// </summary>
    public static async Task<T> RunLockedAsync<T>(
        IDbContextFactory<AppDbContext> dbFactory, long userId, DateTime now, Func<AppDbContext, CreditBalance, Task<(T Result, bool Commit)>> work, CancellationToken ct)
    {
        await EnsureBalanceAsync(dbFactory, userId, now, ct);
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var (result, commit) = await work(db, await LockAsync(db, userId, now, ct));
                if (commit)
                {
                    await db.SaveChangesAsync(ct);
                    await tx.CommitAsync(ct);
                }
                else
                {
                    await tx.RollbackAsync(ct);
                }

                return result;
            }
            catch (Exception ex) when (attempt < 5 && (ex is DbUpdateException || Transient.Is(ex)))
            {
                await tx.RollbackAsync(CancellationToken.None);
            }
        }
    }

    public static async Task<CreditBalance> LockAsync(AppDbContext db, long userId, DateTime now, CancellationToken ct)
    {
        var locked = await db.CreditBalances.Where(b => b.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(b => b.UpdatedAt, now), ct);
        if (locked == 0)
        {
            throw new Common.NotFoundException("User", userId);
        }

        return await db.CreditBalances.SingleAsync(b => b.UserId == userId, ct);
    }

    public static Task<CreditTransaction?> FindByKeyAsync(AppDbContext db, long userId, string? idempotencyKey, CancellationToken ct) =>
        idempotencyKey is null
            ? Task.FromResult<CreditTransaction?>(null)
            : db.CreditTransactions.AsNoTracking().SingleOrDefaultAsync(t => t.UserId == userId && t.IdempotencyKey == idempotencyKey, ct);

    /// <summary>Applies the bucket deltas to the locked balance and appends the matching ledger entry.</summary>
    public static CreditTransaction Append(AppDbContext db, CreditBalance balance, CreditTransaction entry, DateTime now)
    {
        balance.Gifted += entry.GiftedDelta;
        balance.Purchased += entry.PurchasedDelta;
        balance.UpdatedAt = now;
        entry.UserId = balance.UserId;
        entry.Amount = entry.GiftedDelta + entry.PurchasedDelta;
        entry.BalanceAfter = balance.Total;
        entry.CreatedAt = now;
        db.CreditTransactions.Add(entry);
        return entry;
    }
}
