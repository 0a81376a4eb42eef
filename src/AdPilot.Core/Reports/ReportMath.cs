namespace AdPilot.Core.Reports;

/// <summary>Sums of additive facts; every ratio is a ratio of sums (never an average of ratios), null over a zero denominator.</summary>
public readonly record struct Sums(decimal Spend, long Impressions, long Clicks, long Conversions, decimal Revenue)
{
    public static Sums operator +(Sums a, Sums b) =>
        new(a.Spend + b.Spend, a.Impressions + b.Impressions, a.Clicks + b.Clicks, a.Conversions + b.Conversions, a.Revenue + b.Revenue);

    public decimal? Ctr => Ratio(Clicks, Impressions);
    public decimal? Cpc => Ratio(Spend, Clicks);
    public decimal? Cpa => Ratio(Spend, Conversions);
    public decimal? Roas => Ratio(Revenue, Spend);

    public MetricTotals Totals() => new(Normalize(Spend), Impressions, Clicks, Conversions, Normalize(Revenue), Ctr, Cpc, Cpa, Roas);

    public SeriesPoint Point(DateOnly period) => new(period, Normalize(Spend), Impressions, Clicks, Conversions, Normalize(Revenue), Ctr, Cpc, Cpa, Roas);

    /// <summary>Six decimal places: enough for a CTR of one click in a billion impressions to be told from zero.</summary>
    public static decimal? Ratio(decimal numerator, decimal denominator) =>
        denominator == 0 ? null : Normalize(Math.Round(numerator / denominator, 6, MidpointRounding.AwayFromZero));

    /// <summary>Drops trailing zeros, so 12.5 reads the same from SQLite's fixed-point integers and MariaDB's DECIMAL(18,4).</summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    /// <summary>Percent change from <paramref name="previous"/> to <paramref name="current"/>; null when there is no base.</summary>
    public static decimal? Change(decimal? current, decimal? previous) =>
        current is { } c && previous is { } p && p != 0 ? Normalize(Math.Round((c - p) / p * 100, 2, MidpointRounding.AwayFromZero)) : null;

    public static MetricChange Change(MetricTotals current, MetricTotals previous) => new(
        Change(current.Spend, previous.Spend), Change(current.Impressions, previous.Impressions), Change(current.Clicks, previous.Clicks),
        Change(current.Conversions, previous.Conversions), Change(current.Revenue, previous.Revenue),
        Change(current.Ctr, previous.Ctr), Change(current.Cpc, previous.Cpc), Change(current.Cpa, previous.Cpa), Change(current.Roas, previous.Roas));
}

internal static class Periods
{
    /// <summary>The first day of the bucket a day falls in: the day, its ISO week's Monday, or the 1st of its month.</summary>
    public static DateOnly Bucket(DateOnly day, ReportGranularity granularity) => granularity switch
    {
        ReportGranularity.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        ReportGranularity.Month => new DateOnly(day.Year, day.Month, 1),
        _ => day,
    };

    /// <summary>
    /// The Mondays of the first and last whole ISO weeks (Monday to Sunday) inside the range, or null when it holds none.
    /// Computed on day numbers, so ranges at the ends of the calendar never overflow.
    /// </summary>
    public static (DateOnly First, DateOnly Last)? WholeWeeks(DateOnly from, DateOnly to)
    {
        static int SinceMonday(DateOnly day) => ((int)day.DayOfWeek + 6) % 7;
        var firstMonday = from.DayNumber + (7 - SinceMonday(from)) % 7;
        var lastSunday = to.DayNumber - (SinceMonday(to) + 1) % 7;
        return lastSunday - firstMonday >= 6
            ? (DateOnly.FromDayNumber(firstMonday), DateOnly.FromDayNumber(lastSunday - 6))
            : null;
    }

    /// <summary>The user's today in their own time zone (UTC when the zone is unknown).</summary>
    public static DateOnly Today(TimeProvider clock, string? timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone(timeZone)).DateTime);

    /// <summary>The time zone of a user or ad account (UTC when the zone is unknown).</summary>
    public static TimeZoneInfo Zone(string? timeZone) =>
        timeZone is { Length: > 0 } && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The instant a reporting day starts in the zone (an hour later where midnight falls in a DST gap).</summary>
    public static DateTime StartUtc(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return TimeZoneInfo.ConvertTimeToUtc(zone.IsInvalidTime(local) ? local.AddHours(1) : local, zone);
    }
}
