using System.Globalization;

namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>Reporting days, both inclusive.</summary>
internal readonly record struct DateRange(DateOnly From, DateOnly To)
{
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The same number of days just before (what get_reports compares with).</summary>
    public DateRange Previous => new(From.AddDays(-Days), From.AddDays(-1));

    public string FromText => Iso(From);
    public string ToText => Iso(To);

    public static DateRange Day(DateOnly day) => new(day, day);

    /// <summary>The n days before today (today is not over yet, so "last 7 days" ends yesterday, as the ad platforms count it).</summary>
    public static DateRange LastDays(DateOnly today, int n) => new(today.AddDays(-n), today.AddDays(-1));

    public static DateRange Week(DateOnly monday) => new(monday, monday.AddDays(6));

    public static DateRange Month(int year, int month) => new(new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)));

    public static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public override string ToString() => Days == 1 ? FromText : $"{FromText} – {ToText}";
}

internal sealed record DateMatch(DateRange Range, Span Span);
