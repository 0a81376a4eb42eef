using AdPilot.Core.Common;
using AdPilot.Core.Credits;
using AdPilot.Core.Data;
using AdPilot.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AdPilot.Core.Billing;

/// <summary>
/// Recharge orders: create one and send the buyer to checkout; fulfil a paid order exactly once, whichever path
/// reports the payment (Stripe webhook, replays, out-of-order events, or the simulated checkout).
/// </summary>
public sealed class BillingService(
    IDbContextFactory<AppDbContext> dbFactory,
    CreditConfigService configs,
    UserService users,
    IPaymentGateway gateway,
    TimeProvider clock,
    ILogger<BillingService> logger)
{
    public async Task<RechargeOrderView> CreateOrderAsync(long userId, CreateRechargeOrderRequest request, CancellationToken ct = default)
    {
        RequestValidator.Validate(request);
        if (!gateway.IsAvailable)
        {
            throw new ConflictException("payments_not_configured", "Buying credits is not available on this server yet: no payment provider is configured.");
        }

        var config = await configs.GetCurrentAsync(ct);
        var package = config.Settings.Packages.SingleOrDefault(p => p.Id == request.PackageId)
            ?? throw ValidationFailedException.For("packageId", $"Unknown package. Choose one of: {string.Join(", ", config.Settings.Packages.Select(p => p.Id))}.");
        var user = await users.GetAsync(userId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = new RechargeOrder
        {
            UserId = userId, PackageId = package.Id, Credits = package.Credits, Price = package.Price, Currency = package.Currency,
            ConfigVersion = config.Version, Gateway = gateway.Name, CreatedAt = now, UpdatedAt = now,
        };
        db.RechargeOrders.Add(order);
        await db.SaveChangesAsync(ct);

        try
        {
            var session = await gateway.CreateCheckoutAsync(order, user.Email, ct);
            order.CheckoutSessionId = session.SessionId;
            order.CheckoutUrl = session.Url;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Checkout could not be started for order {OrderId}", order.Id);
            order.Status = RechargeOrderStatus.Failed;
            order.FailureReason = "The payment provider could not start the checkout. Nothing was charged; please try again.";
        }

        order.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        if (order.Status == RechargeOrderStatus.Failed)
        {
            throw new ConflictException("checkout_unavailable", order.FailureReason!);
        }

        return RechargeOrderView.Of(order);
    }

    public async Task<RechargeOrderView> GetOrderAsync(long userId, long orderId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.RechargeOrders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId && o.UserId == userId, ct)
            ?? throw new NotFoundException("Order", orderId);
        return RechargeOrderView.Of(order);
    }

    public async Task<IReadOnlyList<RechargeOrderView>> RecentOrdersAsync(long userId, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var orders = await db.RechargeOrders.AsNoTracking().Where(o => o.UserId == userId)
            .OrderByDescending(o => o.CreatedAt).Take(Math.Clamp(take, 1, 100)).ToListAsync(ct);
        return orders.Select(RechargeOrderView.Of).ToList();
    }

    /// <summary>
    /// Credits a paid order once. The order moves Pending→Paid with a conditional update and the credits carry the
    /// idempotency key <c>recharge:{orderId}</c>, both in one transaction: any number of concurrent or repeated
    /// calls credit it exactly once.
    /// </summary>
    public async Task<WebhookOutcome> FulfilAsync(long orderId, long paidMinorUnits, string currency, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var probe = await dbFactory.CreateDbContextAsync(ct);
        var order = await probe.RechargeOrders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null)
        {
            logger.LogWarning("Payment reported for unknown order {OrderId}; nothing credited", orderId);
            return WebhookOutcome.UnknownOrder;
        }

        if (order.MinorUnits != paidMinorUnits || !string.Equals(order.Currency, currency, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogError("Order {OrderId} paid {Paid} {Currency} but costs {Expected} {OrderCurrency}; nothing credited",
                orderId, paidMinorUnits, currency, order.MinorUnits, order.Currency);
            return WebhookOutcome.AmountMismatch;
        }

        var outcome = await CreditLedger.RunLockedAsync(dbFactory, order.UserId, now, async (db, balance, _) =>
        {
            var moved = await db.RechargeOrders
                .Where(o => o.Id == orderId && o.Status != RechargeOrderStatus.Paid)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, RechargeOrderStatus.Paid).SetProperty(o => o.PaidAt, now).SetProperty(o => o.UpdatedAt, now).SetProperty(o => o.FailureReason, (string?)null), ct);
            var key = $"recharge:{orderId}";
            if (moved == 0 || await CreditLedger.FindByKeyAsync(db, order.UserId, key, ct) is not null)
            {
                return (WebhookOutcome.AlreadyFulfilled, false);
            }

            CreditLedger.Append(db, balance, new CreditTransaction
            {
                Type = CreditTransactionType.Recharge,
                PurchasedDelta = order.Credits,
                ReferenceId = $"order:{orderId}",
                IdempotencyKey = key,
                ConfigVersion = order.ConfigVersion,
                Description = $"{order.PackageId} package",
            }, now);
            return (WebhookOutcome.Fulfilled, true);
        }, ct);
        if (outcome == WebhookOutcome.Fulfilled)
        {
            logger.LogInformation("Order {OrderId} paid: {Credits} credits added", orderId, order.Credits);
        }

        return outcome;
    }

    /// <summary>A failed or expired checkout: the order stops waiting. A paid order stays paid.</summary>
    public async Task<WebhookOutcome> MarkUnpaidAsync(long orderId, RechargeOrderStatus status, string reason, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var changed = await db.RechargeOrders
            .Where(o => o.Id == orderId && o.Status == RechargeOrderStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, status).SetProperty(o => o.FailureReason, reason).SetProperty(o => o.UpdatedAt, clock.GetUtcNow().UtcDateTime), ct);
        return changed == 1 ? WebhookOutcome.MarkedFailed : WebhookOutcome.Ignored;
    }

    /// <summary>The simulated checkout's "Pay" button: the same fulfilment as a real payment, for the buyer's own order.</summary>
    public async Task<WebhookOutcome> CompleteSimulatedAsync(long userId, long orderId, bool pay, CancellationToken ct = default)
    {
        var order = await GetOrderAsync(userId, orderId, ct);
        if (gateway is not SimulatedCheckoutGateway)
        {
            throw new NotFoundException("Order", orderId);
        }

        return pay
            ? await FulfilAsync(orderId, (long)(order.Price * 100), order.Currency, ct)
            : await MarkUnpaidAsync(orderId, RechargeOrderStatus.Failed, "The checkout was cancelled.", ct);
    }
}
