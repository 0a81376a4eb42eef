using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Credits;

/// <summary>
/// The ledger's write path, shared by credits and billing so a payment and its credits commit in one transaction.
/// <see cref="RunLockedAsync{T}"/> takes the balance row's write lock first (a row lock on MySQL, the database write
/// lock on SQLite), so read-compute-write inside it is serialised per user.
/// </summary>
internal static class CreditLedger
{
    /// <summary>Creates the user's balance row if missing; false when the user does not exist.</summary>
    public static async Task<bool> EnsureBalanceAsync(IDbContextFactory<AppDbContext> dbFactory, long userId, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.CreditBalances.AnyAsync(b => b.UserId == userId, ct))
        {
            return true;
        }

        if (!await db.Users.AnyAsync(u => u.Id == userId, ct))
        {
            return false;
        }

        db.CreditBalances.Add(new CreditBalance { UserId = userId, UpdatedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Created concurrently: fine, it exists now.
        }

        return true;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction holding the user's balance lock and commits what it saved.
    /// A deadlock victim, a busy database or a lost race on a unique key rolls back and runs again: nothing was
    /// committed, so the retry either succeeds or finds the committed result (e.g. by idempotency key).
    /// <paramref name="work"/> returns <c>Commit: false</c> to roll back without error; its last argument says whether
    /// this is a retry.
    /// </summary>
    public static async Task<T> RunLockedAsync<T>(
        IDbContextFactory<AppDbContext> dbFactory, long userId, DateTime now, Func<AppDbContext, CreditBalance, bool, Task<(T Result, bool Commit)>> work, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            // A failure rolls back the whole transaction and retries, so SaveChanges' savepoint would only add two
            // round trips while the lock is held.
            db.Database.AutoSavepointsEnabled = false;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var balance = await LockAsync(db, userId, ct);
                if (balance is null)
                {
                    // First credit change of this user: create the row outside the transaction, then start again.
                    await tx.RollbackAsync(ct);
                    if (attempt > 0 || !await EnsureBalanceAsync(dbFactory, userId, now, ct))
                    {
                        throw new Common.NotFoundException("User", userId);
                    }

                    continue;
                }

                balance.UpdatedAt = now;
                var (result, commit) = await work(db, balance, attempt > 0);
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

    /// <summary>
    /// Reads the balance row holding its write lock: <c>SELECT … FOR UPDATE</c> on MySQL (lock and read in one round
    /// trip); on SQLite the transaction itself (<c>BEGIN IMMEDIATE</c>) already holds the database's write lock.
    /// </summary>
    private static async Task<CreditBalance?> LockAsync(AppDbContext db, long userId, CancellationToken ct)
    {
        if (db.Database.IsMySql())
        {
            var rows = await db.CreditBalances.FromSqlInterpolated($"SELECT * FROM `CreditBalances` WHERE `UserId` = {userId} FOR UPDATE").ToListAsync(ct);
            return rows.SingleOrDefault();
        }

        return await db.CreditBalances.SingleOrDefaultAsync(b => b.UserId == userId, ct);
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
