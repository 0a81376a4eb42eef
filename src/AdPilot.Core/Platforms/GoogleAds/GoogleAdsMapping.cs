namespace AdPilot.Core.Platforms.GoogleAds;

/// <summary>AdPilot's vocabulary to Google Ads': channel types, ENABLED/PAUSED/REMOVED, micros, resource names.</summary>
internal static class GoogleAdsMapping
{
    public const decimal MicrosPerUnit = 1_000_000m;

    /// <summary>Google has no objective; the channel type is the closest thing.</summary>
    public static string ChannelType(string objective) => objective.ToUpperInvariant() switch
    {
        "AWARENESS" => "DISPLAY",
        "ENGAGEMENT" => "VIDEO",
        "APPPROMOTION" => "MULTI_CHANNEL",
        "SALES" => "PERFORMANCE_MAX",
        _ => "SEARCH",
    };

    public static string ObjectiveName(string? channelType) => channelType switch
    {
        "DISPLAY" => "Awareness",
        "VIDEO" => "Engagement",
        "MULTI_CHANNEL" => "AppPromotion",
        "PERFORMANCE_MAX" or "SHOPPING" => "Sales",
        _ => "Traffic",
    };

    /// <summary>Google has no archive: archived is paused; only delete removes.</summary>
    public static string Status(PlatformStatus status) => status == PlatformStatus.Active ? "ENABLED" : "PAUSED";

    public static PlatformStatus Status(string? status) => status switch
    {
        "ENABLED" => PlatformStatus.Active,
        "REMOVED" => PlatformStatus.Archived,
        _ => PlatformStatus.Paused,
    };

    public static long Micros(decimal amount) => (long)decimal.Round(amount * MicrosPerUnit, 0, MidpointRounding.AwayFromZero);

    public static decimal FromMicros(long? micros) => (micros ?? 0) / MicrosPerUnit;

    public static string CustomerId(string id) => id.Replace("-", "", StringComparison.Ordinal).Replace("customers/", "", StringComparison.Ordinal);

    public static string LastSegment(string? resourceName) => resourceName?[(resourceName.LastIndexOf('/') + 1)..] ?? "";

    public static string Resource(string customerId, PlatformLevel level, string id) => level switch
    {
        PlatformLevel.Campaign => $"customers/{customerId}/campaigns/{id}",
        PlatformLevel.AdSet => $"customers/{customerId}/adGroups/{id}",
        PlatformLevel.Ad => $"customers/{customerId}/adGroupAds/{id}",
        _ => throw new PlatformException(PlatformErrorKind.Validation, "Google Ads customers cannot be changed through the API."),
    };

    public static string Service(PlatformLevel level) => level switch
    {
        PlatformLevel.Campaign => "campaigns",
        PlatformLevel.AdSet => "adGroups",
        _ => "adGroupAds",
    };

    /// <summary>GAQL string literals: digits only for ids, so nothing can break out of the query.</summary>
    public static string Digits(string id) =>
        id.Length > 0 && id.All(char.IsAsciiDigit) ? id : throw new PlatformException(PlatformErrorKind.Validation, $"'{id}' is not a Google Ads id.");
}
