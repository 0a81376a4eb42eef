using AdPilot.Core.AdAccounts;

namespace AdPilot.Core.Platforms;

/// <summary>
/// One advertising platform (Meta, TikTok, Google Ads, or the simulated default), in its own wire format behind one
/// shape. Implementations throw <see cref="PlatformException"/> for every platform failure, never raw HTTP errors,
/// and never put an access token into a message.
/// </summary>
public interface IAdPlatform
{
    AdPlatformKind Kind { get; }

    /// <summary>False when the credentials the platform needs (app id, secret…) are not configured.</summary>
    bool IsConfigured { get; }

    /// <summary>True when the platform supports PKCE on its authorize endpoint.</summary>
    bool SupportsPkce { get; }

    /// <summary>The URL the user's browser is sent to for consent.</summary>
    Uri BuildAuthorizeUrl(AuthorizeRequest request);

    Task<PlatformTokens> ExchangeCodeAsync(CodeExchange exchange, CancellationToken ct);

    /// <summary>Refreshes (refresh token) or extends (Meta's long-lived token re-exchange) the grant.</summary>
    Task<PlatformTokens> RefreshAsync(PlatformTokens current, CancellationToken ct);

    /// <summary>Revokes the grant where the platform supports it; a no-op where it does not.</summary>
    Task RevokeAsync(PlatformTokens tokens, CancellationToken ct);

    Task<IReadOnlyList<PlatformAdAccount>> ListAdAccountsAsync(string accessToken, CancellationToken ct);

    Task<IReadOnlyList<PlatformCampaign>> ListCampaignsAsync(PlatformAccess access, CancellationToken ct);

    Task<IReadOnlyList<PlatformAdSet>> ListAdSetsAsync(PlatformAccess access, string campaignId, CancellationToken ct);

    Task<IReadOnlyList<PlatformAd>> ListAdsAsync(PlatformAccess access, string adSetId, CancellationToken ct);

    /// <summary>Creates the campaign and returns the platform's id.</summary>
    Task<string> CreateCampaignAsync(PlatformAccess access, CampaignSpec spec, CancellationToken ct);

    Task UpdateCampaignAsync(PlatformAccess access, string campaignId, CampaignSpec spec, CancellationToken ct);

    Task<string> CreateAdSetAsync(PlatformAccess access, string campaignId, AdSetSpec spec, CancellationToken ct);

    Task UpdateAdSetAsync(PlatformAccess access, string adSetId, AdSetSpec spec, CancellationToken ct);

    Task<string> CreateAdAsync(PlatformAccess access, string adSetId, AdSpec spec, CancellationToken ct);

    Task UpdateAdAsync(PlatformAccess access, string adId, AdSpec spec, CancellationToken ct);

    Task SetStatusAsync(PlatformAccess access, PlatformLevel level, string id, PlatformStatus status, CancellationToken ct);

    Task DeleteAsync(PlatformAccess access, PlatformLevel level, string id, CancellationToken ct);

    /// <summary>Daily rows (one per entity of <see cref="InsightsQuery.Level"/> and day), every page read.</summary>
    Task<IReadOnlyList<PlatformInsightRow>> GetDailyInsightsAsync(PlatformAccess access, InsightsQuery query, CancellationToken ct);

    /// <summary>Uploads an image or video and returns the platform's reference (image hash, video id, asset name).</summary>
    Task<string> UploadCreativeAsync(PlatformAccess access, CreativeUpload upload, CancellationToken ct);
}
