using AdPilot.Core.Anomalies;

namespace AdPilot.Core.Platforms.Simulated;

public enum SimulatedAnomalyKind
{
    /// <summary>Spend, impressions and clicks times the factor; conversions and revenue unchanged (a runaway bid).</summary>
    SpendSpike,

    /// <summary>Conversions and revenue times the factor (a broken pixel, a dead checkout).</summary>
    ConversionDrop,
}

/// <summary>An anomaly on one day of a simulated account, or of one of its campaigns (platform ids).</summary>
public sealed record SimulatedAnomaly(string AccountId, string? CampaignId, DateOnly Day, SimulatedAnomalyKind Kind, double Factor);

/// <summary>
/// Shapes the simulated platform's insights the way a real platform's look: today (in the account's time zone) is the
/// partial day so far, along <see cref="IntradayCurve"/>, and no day after it is reported. Tests and the development
/// endpoint inject anomalies here (kept in memory, per process).
/// </summary>
public sealed class SimulatedAnomalies
{
    private readonly Lock _gate = new();
    private readonly List<SimulatedAnomaly> _injected = [];

    public void Inject(SimulatedAnomaly anomaly)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(anomaly.Factor);
        lock (_gate)
        {
            _injected.Add(anomaly);
        }
    }

    public IReadOnlyList<SimulatedAnomaly> Injected
    {
        get
        {
            lock (_gate)
            {
                return [.. _injected];
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _injected.Clear();
        }
    }

    internal List<PlatformInsightRow> Apply(string accountId, string timeZone, DateTimeOffset now, IEnumerable<PlatformInsightRow> adRows)
    {
        var local = TimeZoneInfo.ConvertTime(now, Reports.Periods.Zone(timeZone)).DateTime;
        var today = DateOnly.FromDateTime(local);
        var share = IntradayCurve.ShareAt(TimeOnly.FromDateTime(local));
        var injected = Injected.Where(a => a.AccountId == accountId).ToList();
        var rows = new List<PlatformInsightRow>();
        foreach (var row in adRows.Where(r => r.Date <= today))
        {
            var shaped = row;
            foreach (var a in injected.Where(a => a.Day == row.Date && (a.CampaignId is null || a.CampaignId == row.CampaignId)))
            {
                shaped = a.Kind == SimulatedAnomalyKind.SpendSpike
                    ? Scale(shaped, a.Factor, 1)
                    : shaped with { Conversions = (long)Math.Round(shaped.Conversions * a.Factor), Revenue = Math.Round(shaped.Revenue * (decimal)a.Factor, 2) };
            }

            rows.Add(row.Date == today ? Scale(shaped, share, share) : shaped);
        }

        return rows;
    }

    /// <summary>Delivery (spend, impressions, clicks) times one factor, results (conversions, revenue) times another.</summary>
    private static PlatformInsightRow Scale(PlatformInsightRow row, double delivery, double results) => row with
    {
        Spend = Math.Round(row.Spend * (decimal)delivery, 2),
        Impressions = (long)Math.Round(row.Impressions * delivery),
        Clicks = (long)Math.Round(row.Clicks * delivery),
        Conversions = (long)Math.Round(row.Conversions * results),
        Revenue = Math.Round(row.Revenue * (decimal)results, 2),
    };
}
