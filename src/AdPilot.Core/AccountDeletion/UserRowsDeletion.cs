using System.Globalization;
using AdPilot.Core.Billing;
using AdPilot.Core.Credits;
using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using OpenIddict.EntityFrameworkCore.Models;

namespace AdPilot.Core.AccountDeletion;

/// <summary>
/// The database half of a deletion, all in the caller's transaction: the records kept for the law move to the retained
/// tables under a random id, OpenIddict's rows go by subject, owned rows outside the user row's cascades go by
/// <c>UserId</c>, then the user row (its cascades take the rest) and the storage outbox rows go in.
/// </summary>
internal static class UserRowsDeletion
{
    /// <summary>Tax and accounting law keeps books and their vouchers for ten years after the end of the year.</summary>
    public const int RetentionYears = 10;

    public static async Task<int> AnonymiseRetainedAsync(AppDbContext db, long userId, CancellationToken ct)
    {
        var account = Guid.NewGuid();
        var ledger = await db.CreditTransactions.AsNoTracking().Where(t => t.UserId == userId).ToListAsync(ct);
        var orders = await db.RechargeOrders.AsNoTracking().Where(o => o.UserId == userId).ToListAsync(ct);
        db.AddRange(ledger.Select(t => new RetainedCreditTransaction
        {
            AnonymousAccount = account,
            Type = t.Type,
            Amount = t.Amount,
            GiftedDelta = t.GiftedDelta,
            PurchasedDelta = t.PurchasedDelta,
            BalanceAfter = t.BalanceAfter,
            Operation = t.Operation,
            Model = t.Model,
            ConfigVersion = t.ConfigVersion,
            OrderId = OrderIdOf(t.ReferenceId),
            CreatedAt = t.CreatedAt,
            RetainUntil = RetainUntil(t.CreatedAt),
        }));
        db.AddRange(orders.Select(o => new RetainedRechargeOrder
        {
            AnonymousAccount = account,
            OrderId = o.Id,
            PackageId = o.PackageId,
            Credits = o.Credits,
            Price = o.Price,
            Currency = o.Currency,
            Status = o.Status.ToString(),
            Gateway = o.Gateway,
            CheckoutSessionId = o.CheckoutSessionId,
            CreatedAt = o.CreatedAt,
            PaidAt = o.PaidAt,
            RetainUntil = RetainUntil(o.PaidAt ?? o.CreatedAt),
        }));
        await db.SaveChangesAsync(ct);
        return ledger.Count + orders.Count;
    }

    public static async Task DeleteAsync(AppDbContext db, long userId, CancellationToken ct)
    {
        var subject = userId.ToString(CultureInfo.InvariantCulture);
        await db.Set<OpenIddictEntityFrameworkCoreToken>().Where(t => t.Subject == subject).ExecuteDeleteAsync(ct);
        await db.Set<OpenIddictEntityFrameworkCoreAuthorization>().Where(a => a.Subject == subject).ExecuteDeleteAsync(ct);
        var sql = db.GetService<ISqlGenerationHelper>();
        foreach (var entity in DeletionScope.OwnedOutsideCascades(db.Model))
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var column = entity.FindProperty(nameof(Common.IOwned.UserId))!.GetColumnName(table)!;
#pragma warning disable EF1002 // Table and column names come from the model, the value is a parameter.
            await db.Database.ExecuteSqlRawAsync(
                $"DELETE FROM {sql.DelimitIdentifier(table.Name, table.Schema)} WHERE {sql.DelimitIdentifier(column)} = {{0}}", [userId], ct);
#pragma warning restore EF1002
        }

        await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(ct);
    }

    /// <summary>The last day of the tenth year after the record's year.</summary>
    private static DateTime RetainUntil(DateTime at) => new(at.Year + RetentionYears, 12, 31, 23, 59, 59, DateTimeKind.Utc);

    private static long? OrderIdOf(string? reference) =>
        reference is not null && reference.StartsWith("order:", StringComparison.Ordinal)
            && long.TryParse(reference.AsSpan("order:".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
