namespace AdPilot.Core.Platforms;

/// <summary>How a configured ad-platform API version stands against its published end-of-life date.</summary>
public enum ApiVersionState
{
    /// <summary>No sunset date is published for this version (yet), or it is not in the table.</summary>
    Supported,

    /// <summary>The version stops working within <see cref="PlatformApiVersions.WarningWindow"/>.</summary>
    EndingSoon,

    /// <summary>The sunset date has passed: every call with this version fails.</summary>
    PastSunset,
}

public sealed record ApiVersionStatus(string Platform, string Version, ApiVersionState State, DateOnly? Sunset);

/// <summary>
/// Published end-of-life dates of the ad-platform API versions the real clients can be configured with
/// (docs/decisions/016). Update the table when a platform publishes a new date; a version not listed is treated as supported.
/// </summary>
public static class PlatformApiVersions
{
    public const string MetaDefault = "v26.0";
    public const string GoogleAdsDefault = "v25";

    public static readonly TimeSpan WarningWindow = TimeSpan.FromDays(90);

    // Meta: the Marketing API's own expiry dates, which come well before the Graph API's ("Expiration Date" column of
    // https://developers.facebook.com/documentation/ads-commerce/marketing-api/marketing-api-changelog/versions, read 2026-11;
    // v26.0 released 2026-07-29 has no date yet). Graph API dates for comparison: v21.0 2027-01-21, v25.0 2028-07-29.
    private static readonly Dictionary<string, DateOnly> Meta = new(StringComparer.OrdinalIgnoreCase)
    {
        ["v19.0"] = new(2025, 2, 4),
        ["v20.0"] = new(2025, 5, 6),
        ["v21.0"] = new(2025, 9, 9),
        ["v22.0"] = new(2026, 2, 19),
        ["v23.0"] = new(2026, 6, 9),
        ["v24.0"] = new(2026, 11, 10),
        ["v25.0"] = new(2027, 2, 23),
    };

    // Google Ads: https://developers.google.com/google-ads/api/docs/sunset-dates and the "Google Ads API vNN sunset reminder"
    // posts on https://developers.google.com/ads/blog (read 2026-11). v23-v25 have no published sunset date yet.
    private static readonly Dictionary<string, DateOnly> GoogleAds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["v17"] = new(2025, 6, 4),
        ["v18"] = new(2025, 8, 20),
        ["v19"] = new(2026, 2, 11),
        ["v20"] = new(2026, 6, 10),
        ["v21"] = new(2026, 8, 5),
        ["v22"] = new(2026, 10, 7),
    };

    public static ApiVersionStatus MetaStatus(string version, DateTimeOffset now) => Check("Meta", Meta, version, now);

    public static ApiVersionStatus GoogleAdsStatus(string version, DateTimeOffset now) => Check("Google Ads", GoogleAds, version, now);

    private static ApiVersionStatus Check(string platform, Dictionary<string, DateOnly> table, string version, DateTimeOffset now)
    {
        if (!table.TryGetValue(version.Trim(), out var sunset))
        {
            return new(platform, version, ApiVersionState.Supported, null);
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var state = today >= sunset ? ApiVersionState.PastSunset
            : today >= sunset.AddDays(-(int)WarningWindow.TotalDays) ? ApiVersionState.EndingSoon
            : ApiVersionState.Supported;
        return new(platform, version, state, sunset);
    }
}
