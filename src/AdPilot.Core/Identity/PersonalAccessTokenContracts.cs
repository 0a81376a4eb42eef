using System.ComponentModel.DataAnnotations;

namespace AdPilot.Core.Identity;

public sealed record CreateAccessTokenRequest
{
    [Required, StringLength(PersonalAccessTokenService.MaxNameLength, MinimumLength = 1)]
    public string Name { get; init; } = "";

    /// <summary><c>["read"]</c> or <c>["read", "write"]</c>.</summary>
    [Required, MinLength(1), MaxLength(2)]
    public IReadOnlyList<string> Scopes { get; init; } = [AccessScopes.Read];

    /// <summary>Days until the token stops working; null for a token that never expires (not recommended).</summary>
    [Range(1, PersonalAccessTokenService.MaxLifetimeDays)]
    public int? ExpiresInDays { get; init; } = 90;
}

public sealed record AccessTokenView(
    long Id,
    string Name,
    string Prefix,
    IReadOnlyList<string> Scopes,
    DateTime CreatedAt,
    DateTime? ExpiresAt,
    DateTime? LastUsedAt,
    DateTime? RevokedAt,
    bool Active);

/// <summary>The only time the token itself is returned.</summary>
public sealed record CreatedAccessToken(AccessTokenView Token, string Secret);

/// <summary>Who a valid personal access token speaks for, and what it may do.</summary>
public sealed record AccessTokenIdentity(long UserId, long TokenId, string Name, string Scopes);
