using AdPilot.Core.Common;

namespace AdPilot.Core.Credits;

/// <summary>One immutable ledger entry. Amount = GiftedDelta + PurchasedDelta; deductions are negative.</summary>
public sealed class CreditTransaction : IOwned
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public CreditTransactionType Type { get; set; }
    public decimal Amount { get; set; }
    public decimal GiftedDelta { get; set; }
    public decimal PurchasedDelta { get; set; }
    public decimal BalanceAfter { get; set; }
    public string? Operation { get; set; }
    public string? Model { get; set; }
    public int? InputTokens { get; set; }
    public int? OutputTokens { get; set; }
    public int? ConfigVersion { get; set; }

    /// <summary>The rates charged (per operation, and per 1K input/output tokens), kept so config changes are not retroactive.</summary>
    public decimal? OperationRate { get; set; }

    public decimal? InputRatePer1K { get; set; }
    public decimal? OutputRatePer1K { get; set; }

    public string? ReferenceId { get; set; }
    public string? IdempotencyKey { get; set; }
    public string? Description { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum CreditTransactionType
{
    Gift,
    Recharge,
    Deduct,
    Refund,
    Adjustment,
}
