namespace AdPilot.Web.Features.Identity;

/// <summary>Google OAuth 2.0 client. The endpoints are configurable so tests can point them at a local fake Google.</summary>
public sealed class GoogleSignInOptions
{
    public const string Section = "Auth:Google";

    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";
    public string AuthorizationEndpoint { get; set; } = "https://accounts.google.com/o/oauth2/v2/auth";
    public string TokenEndpoint { get; set; } = "https://oauth2.googleapis.com/token";
    public string UserInformationEndpoint { get; set; } = "https://www.googleapis.com/oauth2/v3/userinfo";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}
