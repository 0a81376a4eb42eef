using AdPilot.Core.Credits;

namespace AdPilot.Core.AccountDeletion;

/// <summary>
/// A credit ledger entry of a deleted account, kept for the accounting retention period (docs/decisions/036). It names
/// no user: <see cref="AnonymousAccount"/> is a random id drawn at deletion, the same for all of one account's records
/// and derived from nothing that could re-link them.
/// </summary>
public sealed class RetainedCreditTransaction
{
    public long Id { get; set; }
    public Guid AnonymousAccount { get; set; }
    public CreditTransactionType Type { get; set; }
    public decimal Amount { get; set; }
    public decimal GiftedDelta { get; set; }
    public decimal PurchasedDelta { get; set; }
    public decimal BalanceAfter { get; set; }
    public string? Operation { get; set; }
    public string? Model { get; set; }
    public int? ConfigVersion { get; set; }

    /// <summary>The recharge order it credited (<see cref="RetainedRechargeOrder.OrderId"/>), for the books; null otherwise.</summary>
    public long? OrderId { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime RetainUntil { get; set; }
}

/// <summary>A recharge order of a deleted account, kept for tax and accounting (docs/decisions/036); names no user.</summary>
public sealed class RetainedRechargeOrder
{
    public long Id { get; set; }
    public Guid AnonymousAccount { get; set; }

    /// <summary>The order's original id, which <c>PaymentEvents.OrderId</c> and the processor's records refer to.</summary>
    public long OrderId { get; set; }

    public string PackageId { get; set; } = "";
    public decimal Credits { get; set; }
    public decimal Price { get; set; }
    public string Currency { get; set; } = "usd";
    public string Status { get; set; } = "";
    public string Gateway { get; set; } = "";

    /// <summary>The payment processor's reference, what an auditor reconciles the payout against.</summary>
    public string? CheckoutSessionId { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? PaidAt { get; set; }
    public DateTime RetainUntil { get; set; }
}
