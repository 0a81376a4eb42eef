using AdPilot.Core.Common;

namespace AdPilot.Core.Identity;

/// <summary>
/// One issued refresh token, stored as a SHA-256 hash. Tokens rotate: using one revokes it and issues the next in
/// the same <see cref="FamilyId"/>; presenting a revoked one again revokes the whole family (theft detection).
/// </summary>
public sealed class RefreshToken : IOwned
{
    public long Id { get; set; }
    public long UserId { get; set; }
    [Secret]
    public string TokenHash { get; set; } = "";
    public Guid FamilyId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    [Secret]
    public string? ReplacedByHash { get; set; }

    /// <summary>Why it stopped working; null on rows revoked before reasons were kept (read as rotated when replaced).</summary>
    public RefreshTokenRevocation? RevokedReason { get; set; }

    public bool IsActive(DateTime now) => RevokedAt is null && ExpiresAt > now;
}

public enum RefreshTokenRevocation
{
    /// <summary>Used once and replaced by the next token of its family.</summary>
    Rotated,

    /// <summary>Its family was ended because an already used token of it was presented again.</summary>
    Reused,

    /// <summary>Ended by logout, "sign out everywhere" or an explicit revocation.</summary>
    SignedOut,
}
