using System.Globalization;

namespace AdPilot.Web.Components.Shared;

/// <summary>Shows UTC timestamps in the user's time zone and the UI culture.</summary>
public static class UserTime
{
    public static DateTime ToLocal(DateTime utc, string timeZone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone)
            ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone)
            : utc;

    public static string Format(DateTime utc, string timeZone) =>
        ToLocal(utc, timeZone).ToString("f", CultureInfo.CurrentCulture);

    public static string FormatDate(DateTime utc, string timeZone) =>
        ToLocal(utc, timeZone).ToString("D", CultureInfo.CurrentCulture);
}

public static class LanguageNames
{
    public static string Of(string language) => language switch
    {
        "zh-CN" => "简体中文",
        _ => "English",
    };
}
