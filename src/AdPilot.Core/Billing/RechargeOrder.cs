using AdPilot.Core.Common;

namespace AdPilot.Core.Billing;

/// <summary>A purchase of a credit package. Paid orders are credited exactly once (the ledger's idempotency key).</summary>
public sealed class RechargeOrder : IOwned
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public string PackageId { get; set; } = "";
    public decimal Credits { get; set; }
    public decimal Price { get; set; }
    public string Currency { get; set; } = "usd";
    public int ConfigVersion { get; set; }
    public RechargeOrderStatus Status { get; set; } = RechargeOrderStatus.Pending;
    public string Gateway { get; set; } = "";
    public string? CheckoutSessionId { get; set; }
    public string? CheckoutUrl { get; set; }
    public string? FailureReason { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? PaidAt { get; set; }

    /// <summary>The amount in the currency's smallest unit, as payment providers count it.</summary>
    public long MinorUnits => (long)(Price * 100);
}

public enum RechargeOrderStatus
{
    Pending,
    Paid,
    Failed,
    Expired,
}

/// <summary>A Stripe event seen by the webhook, kept to ignore replays and to audit deliveries.</summary>
public sealed class PaymentEvent
{
    public string EventId { get; set; } = "";
    public string Type { get; set; } = "";
    public long? OrderId { get; set; }
    public string Outcome { get; set; } = "";
    public DateTime ReceivedAt { get; set; }
}
