using System.Globalization;
using Microsoft.Extensions.Localization;

namespace AdPilot.Web.Components.Shared;

/// <summary>"5 min ago" style times for lists of recent events.</summary>
public static class RelativeTime
{
    public static string Of(DateTime utc, DateTime nowUtc, IStringLocalizer localizer)
    {
        var age = nowUtc - utc;
        return age.TotalMinutes < 1 ? localizer["Time.JustNow"]
            : age.TotalHours < 1 ? string.Format(CultureInfo.CurrentCulture, localizer["Time.MinutesAgo"], (int)age.TotalMinutes)
            : age.TotalDays < 1 ? string.Format(CultureInfo.CurrentCulture, localizer["Time.HoursAgo"], (int)age.TotalHours)
            : string.Format(CultureInfo.CurrentCulture, localizer["Time.DaysAgo"], (int)age.TotalDays);
    }
}
