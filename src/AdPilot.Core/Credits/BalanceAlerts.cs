namespace AdPilot.Core.Credits;

public enum BalanceLevel
{
    Low,
    Critical,
}

/// <summary>A deduction that took the balance below a threshold; <see cref="TransactionId"/> identifies the crossing.</summary>
public sealed record BalanceCrossing(long UserId, BalanceLevel Level, decimal Balance, decimal Threshold, long TransactionId);

/// <summary>Told when a deduction crosses the low or critical threshold (the Notifications feature raises the notice).</summary>
public interface IBalanceAlerts
{
    Task BalanceCrossedAsync(BalanceCrossing crossing, CancellationToken ct);
}

internal static class BalanceThresholds
{
    /// <summary>The threshold a change from <paramref name="before"/> to <paramref name="after"/> crossed downwards, critical first.</summary>
    public static (BalanceLevel Level, decimal Threshold)? Crossed(decimal before, decimal after, decimal low, decimal critical) =>
        before >= critical && after < critical ? (BalanceLevel.Critical, critical)
        : before >= low && after < low ? (BalanceLevel.Low, low)
        : null;
}
