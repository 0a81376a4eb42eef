using System.ComponentModel.DataAnnotations;

namespace AdPilot.Core.Credits;

public sealed record CreditBalanceView(
    decimal Total,
    decimal Gifted,
    decimal Purchased,
    decimal LowBalanceThreshold,
    decimal CriticalBalanceThreshold,
    string Level);

public sealed record CreditTransactionView(
    long Id,
    CreditTransactionType Type,
    decimal Amount,
    decimal GiftedDelta,
    decimal PurchasedDelta,
    decimal BalanceAfter,
    string? Operation,
    string? Model,
    int? InputTokens,
    int? OutputTokens,
    int? ConfigVersion,
    decimal? OperationRate,
    decimal? InputRatePer1K,
    decimal? OutputRatePer1K,
    string? ReferenceId,
    string? Description,
    DateTime CreatedAt)
{
    /// <summary>Single transactions over 1,000 credits are highlighted for review.</summary>
    public bool IsLarge => Math.Abs(Amount) > 1000m;

    internal static CreditTransactionView Of(CreditTransaction t) => new(
        t.Id, t.Type, t.Amount, t.GiftedDelta, t.PurchasedDelta, t.BalanceAfter, t.Operation, t.Model, t.InputTokens, t.OutputTokens,
        t.ConfigVersion, t.OperationRate, t.InputRatePer1K, t.OutputRatePer1K, t.ReferenceId, t.Description, t.CreatedAt);
}

/// <summary>A charge for AI work: priced from the current config, or an explicit amount for flat operations.</summary>
public sealed record DeductRequest
{
    [Required(ErrorMessage = "An operation is required."), StringLength(64)]
    public string Operation { get; init; } = "";

    [StringLength(64)]
    public string? Model { get; init; }

    [Range(0, 10_000_000, ErrorMessage = "Input tokens must be between 0 and 10,000,000.")]
    public int InputTokens { get; init; }

    [Range(0, 10_000_000, ErrorMessage = "Output tokens must be between 0 and 10,000,000.")]
    public int OutputTokens { get; init; }

    /// <summary>What the charge is for (e.g. a chat message id); refunds name it.</summary>
    [StringLength(128)]
    public string? ReferenceId { get; init; }

    /// <summary>The same key charges once, however often the call is repeated.</summary>
    [Required(ErrorMessage = "An idempotency key is required."), StringLength(128)]
    public string IdempotencyKey { get; init; } = "";
}

public sealed record CreditHistoryQuery
{
    public CreditTransactionType? Type { get; init; }
    public DateTime? From { get; init; }
    public DateTime? To { get; init; }

    [Range(1, 100_000)]
    public int Page { get; init; } = 1;

    [Range(1, 200)]
    public int PageSize { get; init; } = 50;
}

public enum HistoryGrouping
{
    Day,
    Week,
    Month,
}

/// <summary>One period of the aggregated history, in the user's time zone.</summary>
public sealed record CreditPeriod(DateOnly Start, decimal Spent, decimal Added, int Transactions);

public sealed record UpdateThresholdRequest
{
    [Range(typeof(decimal), "0", "1000000", ErrorMessage = "The threshold must be between 0 and 1,000,000 credits.")]
    public decimal? LowBalanceThreshold { get; init; }
}
