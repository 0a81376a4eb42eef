namespace AdPilot.Core.Platforms.TikTok;

/// <summary>TikTok Marketing API app credentials (section <c>Platforms:TikTok</c>).</summary>
public sealed class TikTokOptions
{
    public const string Section = "Platforms:TikTok";

    public string? AppId { get; set; }

    public string? Secret { get; set; }

    public Uri BaseUrl { get; set; } = new("https://business-api.tiktok.com");

    public string AuthorizeUrl { get; set; } = "https://business-api.tiktok.com/portal/auth";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AppId) && !string.IsNullOrWhiteSpace(Secret);
}
