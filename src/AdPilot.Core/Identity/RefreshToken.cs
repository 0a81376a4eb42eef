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
    public string TokenHash { get; set; } = "";
    public Guid FamilyId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? ReplacedByHash { get; set; }

    public bool IsActive(DateTime now) => RevokedAt is null && ExpiresAt > now;
}
