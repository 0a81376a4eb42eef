using System.ComponentModel.DataAnnotations;

namespace AdPilot.Web.Features.OAuth;

/// <summary>The OAuth 2.1 authorization server for MCP clients (docs/decisions/018).</summary>
public sealed class OAuthOptions
{
    public const string Section = "OAuth";

    [Range(1, 1440, ErrorMessage = "OAuth:AccessTokenMinutes must be between 1 and 1440.")]
    public int AccessTokenMinutes { get; set; } = 60;

    [Range(1, 365, ErrorMessage = "OAuth:RefreshTokenDays must be between 1 and 365.")]
    public int RefreshTokenDays { get; set; } = 30;

    /// <summary>Refuse the OAuth endpoints over plain HTTP. Unset: on in Production, off elsewhere (localhost, tests).</summary>
    public bool? RequireHttps { get; set; }
}
