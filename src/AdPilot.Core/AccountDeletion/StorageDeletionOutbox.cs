using AdPilot.Core.Data;
using AdPilot.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AdPilot.Core.AccountDeletion;

/// <summary>
/// Works the storage deletion outbox: each due row's objects are deleted and the row removed; a failure pushes the row
/// back with a doubling pause (up to an hour) and it is tried again until the objects are gone. Runs every minute and
/// right after a deletion; deleting is idempotent, so two nodes working one row do no harm.
/// </summary>
public sealed class StorageDeletionOutbox(
    IDbContextFactory<AppDbContext> dbFactory,
    IObjectStorage storage,
    TimeProvider clock,
    ILogger<StorageDeletionOutbox> logger)
{
    public const int BatchSize = 100;
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);

    /// <summary>Returns how many rows were finished in this run.</summary>
    public async Task<int> DrainAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await db.Set<StorageDeletion>().Where(d => d.NextAttemptAt <= now).OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id).Take(BatchSize).ToListAsync(ct);
        var done = 0;
        foreach (var row in due)
        {
            try
            {
                await DeleteObjectsAsync(db, row, ct);
                db.Remove(row);
                done++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                row.Attempts++;
                row.LastError = ex.GetType().Name;
                row.NextAttemptAt = now + RetryDelay(row.Attempts);
                logger.LogWarning("Deleting stored objects of a deleted account failed (outbox row {Id}, attempt {Attempt}, {Error}); retrying at {Next:o}",
                    row.Id, row.Attempts, row.LastError, row.NextAttemptAt);
            }

            await db.SaveChangesAsync(CancellationToken.None);
        }

        return done;
    }

    public static TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, FirstRetryDelay.Ticks << Math.Min(attempts - 1, 20)));

    private async Task DeleteObjectsAsync(AppDbContext db, StorageDeletion row, CancellationToken ct)
    {
        if (!row.IsPrefix)
        {
            await storage.DeleteAsync(row.Key, ct);
            return;
        }

        if (await SlugTakenAgainAsync(db, row.Key, ct))
        {
            // The slug was freed by the deletion and another page took it: its files are not the deleted account's.
            return;
        }

        await foreach (var item in storage.ListOlderThanAsync(row.Key, DateTimeOffset.MaxValue, ct))
        {
            await storage.DeleteAsync(item.Key, ct);
        }
    }

    private static async Task<bool> SlugTakenAgainAsync(AppDbContext db, string prefix, CancellationToken ct)
    {
        if (!prefix.StartsWith(UserStorageKeys.PagesPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var slug = prefix[UserStorageKeys.PagesPrefix.Length..].TrimEnd('/');
        var key = LandingPages.LandingPageSlugs.KeyFor(slug);
        return await db.LandingPages.AnyAsync(p => p.Slug == slug || p.PublishedKey == key, ct);
    }
}
