namespace AdPilot.Core.Platforms.GoogleAds;

/// <summary>Google Ads API OAuth client and developer token (section <c>Platforms:GoogleAds</c>).</summary>
public sealed class GoogleAdsOptions
{
    public const string Section = "Platforms:GoogleAds";

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string? DeveloperToken { get; set; }

    /// <summary>Manager account id (digits) sent as <c>login-customer-id</c> when accounts are reached through it.</summary>
    public string? LoginCustomerId { get; set; }

    public string ApiVersion { get; set; } = PlatformApiVersions.GoogleAdsDefault;

    public Uri BaseUrl { get; set; } = new("https://googleads.googleapis.com");

    public Uri TokenUrl { get; set; } = new("https://oauth2.googleapis.com/token");

    public Uri AuthorizeUrl { get; set; } = new("https://accounts.google.com/o/oauth2/v2/auth");

    public Uri RevokeUrl { get; set; } = new("https://oauth2.googleapis.com/revoke");

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret) && !string.IsNullOrWhiteSpace(DeveloperToken);
}
