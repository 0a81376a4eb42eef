using System.ComponentModel.DataAnnotations;

namespace AdPilot.Core.Billing;

public sealed record CreateRechargeOrderRequest([property: Required(ErrorMessage = "Choose a package."), StringLength(64)] string PackageId);

public sealed record RechargeOrderView(
    long OrderId,
    string PackageId,
    decimal Credits,
    decimal Price,
    string Currency,
    RechargeOrderStatus Status,
    string? CheckoutUrl,
    string? FailureReason,
    DateTime CreatedAt,
    DateTime? PaidAt)
{
    internal static RechargeOrderView Of(RechargeOrder o) =>
        new(o.Id, o.PackageId, o.Credits, o.Price, o.Currency, o.Status, o.CheckoutUrl, o.FailureReason, o.CreatedAt, o.PaidAt);
}

/// <summary>What the webhook did with one event; every outcome is answered 2xx so Stripe stops retrying.</summary>
public enum WebhookOutcome
{
    Fulfilled,
    AlreadyFulfilled,
    Pending,
    MarkedFailed,
    UnknownOrder,
    AmountMismatch,
    Duplicate,
    Ignored,
}
