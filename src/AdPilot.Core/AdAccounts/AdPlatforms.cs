using AdPilot.Core.Common;
using AdPilot.Core.Platforms;

namespace AdPilot.Core.AdAccounts;

/// <summary>The platforms this deployment can bind: the simulated one always, the real ones when configured.</summary>
public sealed class AdPlatforms(IEnumerable<IAdPlatform> platforms)
{
    private readonly Dictionary<AdPlatformKind, IAdPlatform> _byKind = platforms.Where(p => p.IsConfigured).ToDictionary(p => p.Kind);

    public IReadOnlyList<IAdPlatform> Available => [.. _byKind.Values.OrderBy(p => p.Kind)];

    public bool IsAvailable(AdPlatformKind kind) => _byKind.ContainsKey(kind);

    public IAdPlatform Get(AdPlatformKind kind) =>
        _byKind.TryGetValue(kind, out var platform)
            ? platform
            : throw new ConflictException("platform_not_configured", $"{PlatformNames.Of(kind)} is not configured on this server. See the README for its settings.");
}

public static class PlatformNames
{
    public static string Of(AdPlatformKind kind) => kind switch
    {
        AdPlatformKind.Meta => "Meta Ads",
        AdPlatformKind.TikTok => "TikTok Ads",
        AdPlatformKind.GoogleAds => "Google Ads",
        _ => "Simulated Ads",
    };

    /// <summary>The route segment of a platform: simulated, meta, tiktok, google.</summary>
    public static string Slug(AdPlatformKind kind) => kind switch
    {
        AdPlatformKind.Meta => "meta",
        AdPlatformKind.TikTok => "tiktok",
        AdPlatformKind.GoogleAds => "google",
        _ => "simulated",
    };

    public static AdPlatformKind? FromSlug(string slug) => slug.ToLowerInvariant() switch
    {
        "meta" => AdPlatformKind.Meta,
        "tiktok" => AdPlatformKind.TikTok,
        "google" or "googleads" or "google_ads" => AdPlatformKind.GoogleAds,
        "simulated" => AdPlatformKind.Simulated,
        _ => null,
    };
}
