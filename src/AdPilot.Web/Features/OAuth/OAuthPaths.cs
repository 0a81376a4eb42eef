namespace AdPilot.Web.Features.OAuth;

/// <summary>Where the authorization server answers. All under <c>/oauth</c> (a machine path) but the metadata.</summary>
internal static class OAuthPaths
{
    public const string Authorize = "/oauth/authorize";
    public const string Consent = "/oauth/consent";
    public const string Token = "/oauth/token";
    public const string Revoke = "/oauth/revoke";
    public const string Register = "/oauth/register";
    public const string Keys = "/oauth/jwks";
    public const string ServerMetadata = "/.well-known/oauth-authorization-server";
    public const string OpenIdMetadata = "/.well-known/openid-configuration";
    public const string ResourceMetadata = "/.well-known/oauth-protected-resource";

    /// <summary>OpenIddict takes its endpoints relative to the issuer.</summary>
    public static string Relative(string path) => path.TrimStart('/');
}
