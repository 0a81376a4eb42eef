namespace AdPilot.Core.Anomalies;

/// <summary>
/// The share of a day's spend that is usually spent by a local time of day. Platforms report days, not hours, so the
/// curve is a model: a typical diurnal delivery shape (quiet at night, peaking in the evening), interpolated linearly
/// within each hour. The simulated platform reports today's partial day with the same curve.
/// </summary>
public static class IntradayCurve
{
    // Relative weight of each local hour, 00:00 first.
    private static readonly double[] Weights = [1.2, 0.8, 0.6, 0.5, 0.5, 0.7, 1.3, 2.4, 3.6, 4.5, 5.0, 5.3, 5.5, 5.4, 5.3, 5.3, 5.5, 5.9, 6.4, 6.8, 6.7, 5.6, 4.0, 2.2];
    private static readonly double[] Cumulative = Build();

    /// <summary>The share (0..1) of the day's spend expected by <paramref name="timeOfDay"/>.</summary>
    public static double ShareAt(TimeOnly timeOfDay)
    {
        var hours = timeOfDay.ToTimeSpan().TotalHours;
        var hour = Math.Min((int)hours, 23);
        return Cumulative[hour] + (Cumulative[hour + 1] - Cumulative[hour]) * (hours - hour);
    }

    private static double[] Build()
    {
        var total = Weights.Sum();
        var cumulative = new double[25];
        for (var h = 0; h < 24; h++)
        {
            cumulative[h + 1] = cumulative[h] + Weights[h] / total;
        }

        cumulative[24] = 1;
        return cumulative;
    }
}
