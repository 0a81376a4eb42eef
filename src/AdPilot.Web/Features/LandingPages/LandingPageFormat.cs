using System.Globalization;
using AdPilot.Core.LandingPages;

namespace AdPilot.Web.Features.LandingPages;

/// <summary>How landing page figures read in the UI.</summary>
internal static class LandingPageFormat
{
    public static string Status(LandingPageStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>A conversion rate (0.0123) as a percentage ("1.23 %"); "—" with no views.</summary>
    public static string Rate(decimal? rate) => rate is { } r ? (r * 100m).ToString("0.##", CultureInfo.CurrentCulture) + " %" : "—";

    public static string Count(long value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
