using System.ComponentModel.DataAnnotations;
using Microsoft.IdentityModel.Tokens;

namespace AdPilot.Core.Identity;

public sealed class JwtOptions
{
    public const string Section = "Auth:Jwt";

    [Required]
    public string Issuer { get; set; } = "adpilot";

    [Required]
    public string Audience { get; set; } = "adpilot-api";

    /// <summary>Base64 HMAC-SHA256 key of at least 32 bytes. Empty: the host generates one and keeps it in the data directory.</summary>
    public string SigningKey { get; set; } = "";

    [Range(1, 1440)]
    public int AccessTokenMinutes { get; set; } = 15;

    [Range(1, 365)]
    public int RefreshTokenDays { get; set; } = 30;

    public SymmetricSecurityKey CreateSigningKey() => new(Convert.FromBase64String(SigningKey)) { KeyId = "adpilot-hs256" };

    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>Validation with the lifetime checked against <paramref name="clock"/>, so tests control time.</summary>
    public TokenValidationParameters CreateValidationParameters(TimeProvider clock) => new()
    {
        LifetimeValidator = (notBefore, expires, _, _) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            return expires is { } end && end.ToUniversalTime() > now - ClockSkew && (notBefore is not { } start || start.ToUniversalTime() <= now + ClockSkew);
        },
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = CreateSigningKey(),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
        NameClaimType = AppClaims.Email,
        RoleClaimType = AppClaims.Role,
    };
}

public static class AppClaims
{
    public const string UserId = "sub";
    public const string Email = "email";
    public const string Name = "name";
    public const string Role = "role";

    /// <summary>An access token's session: its refresh-token family, revoked together with it.</summary>
    public const string Session = "sid";

    /// <summary>When the person behind an API access token signed in (Unix seconds, OpenID's <c>auth_time</c>); refreshes keep it.</summary>
    public const string AuthTime = "auth_time";

    /// <summary>When a browser session started (Unix milliseconds), checked against "sign out everywhere".</summary>
    public const string SessionStart = "session_start";

    /// <summary>Which credential made the request (<c>pat:12</c>, <c>oauth:client-id</c>); absent for sessions and API JWTs.</summary>
    public const string Credential = "credential";

    /// <summary>A person-readable name of that credential (the token's or the OAuth client's name), for the action log.</summary>
    public const string CredentialName = "credential_name";
}
