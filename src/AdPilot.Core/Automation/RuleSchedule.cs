using AdPilot.Core.Reports;

namespace AdPilot.Core.Automation;

/// <summary>The slots a rule runs in: the top of every hour, or once a day at an hour in the user's time zone.</summary>
public static class RuleSchedule
{
    /// <summary>The first slot strictly after <paramref name="afterUtc"/>.</summary>
    public static DateTime Next(string schedule, int dailyHour, string? userTimeZone, DateTime afterUtc)
    {
        if (schedule == RuleSchedules.Hourly)
        {
            return new DateTime(afterUtc.Year, afterUtc.Month, afterUtc.Day, afterUtc.Hour, 0, 0, DateTimeKind.Utc).AddHours(1);
        }

        var zone = Periods.Zone(userTimeZone);
        var localDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(afterUtc, zone));
        for (var day = localDay.AddDays(-1); ; day = day.AddDays(1))
        {
            var local = day.ToDateTime(new TimeOnly(dailyHour, 0));
            // An hour that does not exist on a DST change day runs an hour later.
            var slot = TimeZoneInfo.ConvertTimeToUtc(zone.IsInvalidTime(local) ? local.AddHours(1) : local, zone);
            if (slot > afterUtc)
            {
                return slot;
            }
        }
    }
}
