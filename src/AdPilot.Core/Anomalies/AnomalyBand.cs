namespace AdPilot.Core.Anomalies;

/// <summary>
/// A robust baseline: the median of the history and its spread as a ratio (scaled MAD over the median, floored), so the
/// expected range is median·e^(±threshold·spread): symmetric in ratio, never negative, and a few odd days in the
/// history move it little.
/// </summary>
public readonly record struct AnomalyBand(double Median, double Spread)
{
    /// <summary>1.4826·MAD estimates the standard deviation of normally distributed values.</summary>
    public const double MadScale = 1.4826;

    /// <summary>Null when the history has no positive median (nothing to compare with).</summary>
    public static AnomalyBand? Of(IReadOnlyCollection<double> history, double minSpread)
    {
        if (history.Count == 0)
        {
            return null;
        }

        var median = MedianOf(history);
        if (median <= 0)
        {
            return null;
        }

        var mad = MedianOf(history.Select(v => Math.Abs(v - median)).ToList());
        return new AnomalyBand(median, Math.Max(MadScale * mad / median, minSpread));
    }

    public static double MedianOf(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public double Low(double threshold, double scale = 1) => Median * scale * Math.Exp(-threshold * Spread);

    public double High(double threshold, double scale = 1) => Median * scale * Math.Exp(threshold * Spread);

    /// <summary>How many spreads (in log space) <paramref name="observed"/> is from the (scaled) median; ±∞ for zero.</summary>
    public double Score(double observed, double scale = 1) =>
        observed <= 0 ? double.NegativeInfinity : Math.Log(observed / (Median * scale)) / Spread;

    /// <summary>A copy whose spread is at least <paramref name="spread"/> (e.g. the Poisson noise of a small count).</summary>
    public AnomalyBand Widen(double spread) => this with { Spread = Math.Max(Spread, spread) };
}
