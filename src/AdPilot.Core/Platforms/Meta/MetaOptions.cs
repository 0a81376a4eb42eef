namespace AdPilot.Core.Platforms.Meta;

/// <summary>Meta Marketing API app credentials (section <c>Platforms:Meta</c>).</summary>
public sealed class MetaOptions
{
    public const string Section = "Platforms:Meta";

    public string? AppId { get; set; }

    public string? AppSecret { get; set; }

    public string GraphApiVersion { get; set; } = PlatformApiVersions.MetaDefault;

    public Uri BaseUrl { get; set; } = new("https://graph.facebook.com");

    /// <summary><c>{version}</c> is replaced by <see cref="GraphApiVersion"/>.</summary>
    public string AuthorizeUrl { get; set; } = "https://www.facebook.com/{version}/dialog/oauth";

    public string Scopes { get; set; } = "ads_management,ads_read";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AppId) && !string.IsNullOrWhiteSpace(AppSecret);
}
