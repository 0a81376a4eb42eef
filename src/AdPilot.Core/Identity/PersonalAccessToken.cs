using AdPilot.Core.Common;

namespace AdPilot.Core.Identity;

/// <summary>
/// A long-lived bearer credential a user creates for a script or an MCP client. Only its SHA-256 hash is stored;
/// the token itself is shown once, at creation.
/// </summary>
public sealed class PersonalAccessToken : IOwned
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The first characters of the token, so the user can tell tokens apart in the list.</summary>
    public string Prefix { get; set; } = "";
    [Secret]
    public string TokenHash { get; set; } = "";

    /// <summary>Space-separated <see cref="AccessScopes"/>.</summary>
    public string Scopes { get; set; } = AccessScopes.Read;
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    public bool IsActive(DateTime now) => RevokedAt is null && (ExpiresAt is not { } expires || expires > now);
}
