using System.Globalization;
using AdPilot.Core.Common;
using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Credits;

/// <summary>
/// Balances and the ledger. Deduct and refund are internal calls for the agent and MCP; users cannot call them.
/// Every change locks the user's balance row inside a transaction, so concurrent calls never overdraw or lose an
/// update, and balance = gifted + purchased = sum of the ledger at every commit.
/// </summary>
public sealed class CreditService(
    IDbContextFactory<AppDbContext> dbFactory,
    CreditConfigService configs,
    TimeProvider clock,
    IBalanceAlerts? alerts = null)
{
    public async Task<CreditBalanceView> GetBalanceAsync(long userId, CancellationToken ct = default)
    {
        var config = await configs.GetCurrentAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var balance = await db.CreditBalances.AsNoTracking().SingleOrDefaultAsync(b => b.UserId == userId, ct) ?? new CreditBalance { UserId = userId };
        var low = balance.LowBalanceThreshold ?? config.Settings.LowBalanceThreshold;
        var critical = config.Settings.CriticalBalanceThreshold;
        var level = balance.Total < critical ? "critical" : balance.Total < low ? "low" : "ok";
        return new CreditBalanceView(balance.Total, balance.Gifted, balance.Purchased, low, critical, level);
    }

    /// <summary>Charges AI work: gifted credits first, then purchased. Refused with nothing changed when the balance is short.</summary>
    public async Task<CreditTransactionView> DeductAsync(long userId, DeductRequest request, CancellationToken ct = default)
    {
        RequestValidator.Validate(request);
        var config = await configs.GetCurrentAsync(ct);
        var price = config.Settings.Estimate(request.Operation, request.Model, request.InputTokens, request.OutputTokens);
        decimal? userLow = null;
        var entry = await ChangeAsync(userId, request.IdempotencyKey, (_, balance) =>
        {
            userLow = balance.LowBalanceThreshold;
            if (balance.Total < price.Credits)
            {
                throw new InsufficientCreditsException(price.Credits, balance.Total);
            }

            var fromGifted = Math.Min(balance.Gifted, price.Credits);
            return Task.FromResult(new CreditTransaction
            {
                Type = CreditTransactionType.Deduct,
                GiftedDelta = -fromGifted,
                PurchasedDelta = -(price.Credits - fromGifted),
                Operation = request.Operation,
                Model = request.Model,
                InputTokens = request.InputTokens,
                OutputTokens = request.OutputTokens,
                ConfigVersion = config.Version,
                OperationRate = price.OperationRate,
                InputRatePer1K = price.InputRatePer1K,
                OutputRatePer1K = price.OutputRatePer1K,
                ReferenceId = request.ReferenceId,
                IdempotencyKey = request.IdempotencyKey,
            });
        }, ct);
        await AlertOnCrossingAsync(userId, entry, userLow ?? config.Settings.LowBalanceThreshold, config.Settings.CriticalBalanceThreshold);
        return entry;
    }

    /// <summary>
    /// Tells the alerts when this deduction crossed a threshold. Keyed by the entry, a crossing is raised once, also
    /// when an idempotent repeat returns the same entry; a failing alert never undoes the charge.
    /// </summary>
    private async Task AlertOnCrossingAsync(long userId, CreditTransactionView entry, decimal low, decimal critical)
    {
        if (alerts is null || entry.Type != CreditTransactionType.Deduct
            || BalanceThresholds.Crossed(entry.BalanceAfter - entry.Amount, entry.BalanceAfter, low, critical) is not { } crossed)
        {
            return;
        }

        await alerts.BalanceCrossedAsync(new BalanceCrossing(userId, crossed.Level, entry.BalanceAfter, crossed.Threshold, entry.Id), CancellationToken.None);
    }

    /// <summary>
    /// Gives back credits charged under <paramref name="referenceId"/> (all that is left when <paramref name="amount"/> is
    /// null) to the buckets they came from: purchased first, as deduction took them last. Never more than was charged.
    /// </summary>
    public Task<CreditTransactionView> RefundAsync(long userId, string referenceId, decimal? amount, string idempotencyKey, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(referenceId) || string.IsNullOrWhiteSpace(idempotencyKey))
        {
            throw ValidationFailedException.For("referenceId", "A reference and an idempotency key are required for a refund.");
        }

        if (amount is <= 0)
        {
            throw ValidationFailedException.For("amount", "A refund must be more than 0 credits.");
        }

        return ChangeAsync(userId, idempotencyKey, async (db, _) =>
        {
            var byReference = db.CreditTransactions.Where(t => t.UserId == userId && t.ReferenceId == referenceId
                && (t.Type == CreditTransactionType.Deduct || t.Type == CreditTransactionType.Refund));
            // Deductions are negative and refunds positive, so the sums are what is still refundable per bucket.
            var giftedLeft = -await byReference.SumAsync(t => t.GiftedDelta, ct);
            var purchasedLeft = -await byReference.SumAsync(t => t.PurchasedDelta, ct);
            var refund = amount ?? giftedLeft + purchasedLeft;
            if (refund <= 0 || refund > giftedLeft + purchasedLeft)
            {
                throw new ConflictException("refund_exceeds_charge",
                    $"Only {giftedLeft + purchasedLeft:0.####} credits charged under '{referenceId}' can still be refunded.");
            }

            var toPurchased = Math.Min(purchasedLeft, refund);
            return new CreditTransaction
            {
                Type = CreditTransactionType.Refund,
                PurchasedDelta = toPurchased,
                GiftedDelta = refund - toPurchased,
                ReferenceId = referenceId,
                IdempotencyKey = idempotencyKey,
            };
        }, ct);
    }

    /// <summary>Adds credits: gifts to the gifted bucket, recharges to purchased. Used by sign-up and tests; payments go through billing.</summary>
    public Task<CreditTransactionView> GrantAsync(long userId, CreditTransactionType type, decimal amount, string idempotencyKey, string? description, CancellationToken ct = default)
    {
        if (amount <= 0 || type is not (CreditTransactionType.Gift or CreditTransactionType.Recharge or CreditTransactionType.Adjustment))
        {
            throw ValidationFailedException.For("amount", "A grant adds a positive amount as a gift, recharge or adjustment.");
        }

        return ChangeAsync(userId, idempotencyKey, (_, _) => Task.FromResult(new CreditTransaction
        {
            Type = type,
            GiftedDelta = type == CreditTransactionType.Gift ? amount : 0,
            PurchasedDelta = type == CreditTransactionType.Gift ? 0 : amount,
            IdempotencyKey = idempotencyKey,
            Description = description,
        }), ct);
    }

    public async Task<CreditBalanceView> SetLowBalanceThresholdAsync(long userId, UpdateThresholdRequest request, CancellationToken ct = default)
    {
        RequestValidator.Validate(request);
        if (!await CreditLedger.EnsureBalanceAsync(dbFactory, userId, clock.GetUtcNow().UtcDateTime, ct))
        {
            throw new NotFoundException("User", userId);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.CreditBalances.Where(b => b.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(b => b.LowBalanceThreshold, request.LowBalanceThreshold), ct);
        return await GetBalanceAsync(userId, ct);
    }

    public async Task<Paged<CreditTransactionView>> HistoryAsync(long userId, CreditHistoryQuery query, CancellationToken ct = default)
    {
        RequestValidator.Validate(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = Filter(db, userId, query);
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(ct);
        return new Paged<CreditTransactionView>(page.Select(CreditTransactionView.Of).ToList(), query.Page, query.PageSize, total);
    }

    /// <summary>Every transaction of a range (for CSV export), oldest first.</summary>
    public async Task<IReadOnlyList<CreditTransactionView>> ExportAsync(long userId, CreditHistoryQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await Filter(db, userId, query).OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).Take(100_000).ToListAsync(ct);
        return rows.Select(CreditTransactionView.Of).ToList();
    }

    /// <summary>Spent and added credits per day, week (from Monday) or month, in the user's time zone.</summary>
    public async Task<IReadOnlyList<CreditPeriod>> AggregateAsync(long userId, CreditHistoryQuery query, HistoryGrouping grouping, string timeZone, CancellationToken ct = default)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var z) ? z : TimeZoneInfo.Utc;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await Filter(db, userId, query).Select(t => new { t.CreatedAt, t.Amount }).ToListAsync(ct);
        return rows
            .GroupBy(r => PeriodStart(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(r.CreatedAt, zone)), grouping))
            .OrderBy(g => g.Key)
            .Select(g => new CreditPeriod(g.Key, -g.Where(r => r.Amount < 0).Sum(r => r.Amount), g.Where(r => r.Amount > 0).Sum(r => r.Amount), g.Count()))
            .ToList();
    }

    internal static DateOnly PeriodStart(DateOnly day, HistoryGrouping grouping) => grouping switch
    {
        HistoryGrouping.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        HistoryGrouping.Month => new DateOnly(day.Year, day.Month, 1),
        _ => day,
    };

    private static IQueryable<CreditTransaction> Filter(AppDbContext db, long userId, CreditHistoryQuery query)
    {
        var rows = db.CreditTransactions.AsNoTracking().Where(t => t.UserId == userId);
        if (query.Type is { } type)
        {
            rows = rows.Where(t => t.Type == type);
        }

        if (query.From is { } from)
        {
            rows = rows.Where(t => t.CreatedAt >= from);
        }

        if (query.To is { } to)
        {
            rows = rows.Where(t => t.CreatedAt < to);
        }

        return rows;
    }

    /// <summary>The one write path: under the balance lock, replay an idempotent repeat or append the entry built from the locked balance.</summary>
    private async Task<CreditTransactionView> ChangeAsync(long userId, string? idempotencyKey, Func<AppDbContext, CreditBalance, Task<CreditTransaction>> build, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // A repeated key is rare: the first attempt appends without looking, and the unique index turns a repeat into
        // a retry that finds the committed entry. The entry is mapped after the commit, when its id is known.
        var entry = await CreditLedger.RunLockedAsync(dbFactory, userId, now, async (db, balance, retry) =>
        {
            if (retry && await CreditLedger.FindByKeyAsync(db, userId, idempotencyKey, ct) is { } done)
            {
                return (done, false);
            }

            CreditTransaction built;
            try
            {
                built = await build(db, balance);
            }
            catch (DomainException) when (idempotencyKey is not null)
            {
                // Refused now, but maybe the repeat of a change that went through (a charge the balance no longer covers,
                // a refund of what is already refunded): a repeated key replays the first result, it is never refused.
                if (await CreditLedger.FindByKeyAsync(db, userId, idempotencyKey, ct) is { } earlier)
                {
                    return (earlier, false);
                }

                throw;
            }

            return (CreditLedger.Append(db, balance, built, now), true);
        }, ct);
        return CreditTransactionView.Of(entry);
    }
}
