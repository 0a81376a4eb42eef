using AdPilot.Core.Common;

namespace AdPilot.Core.Credits;

/// <summary>
/// A user's credits in two buckets. It is a cache of the ledger that makes conditional updates possible:
/// gifted + purchased always equals the sum of the user's <see cref="CreditTransaction"/> amounts.
/// </summary>
public sealed class CreditBalance : IOwned
{
    public long UserId { get; set; }
    public decimal Gifted { get; set; }
    public decimal Purchased { get; set; }

    /// <summary>The user's own low-balance warning threshold; null means the configured default.</summary>
    public decimal? LowBalanceThreshold { get; set; }

    public DateTime UpdatedAt { get; set; }

    public decimal Total => Gifted + Purchased;
}
