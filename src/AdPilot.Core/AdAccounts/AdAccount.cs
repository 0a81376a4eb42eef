using AdPilot.Core.Common;

namespace AdPilot.Core.AdAccounts;

/// <summary>An advertising account bound by OAuth. Tokens are held only as AES-GCM ciphertext with the id of the key that sealed them.</summary>
public sealed class AdAccount : IOwned
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public AdPlatformKind Platform { get; set; }
    public string PlatformAccountId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Currency { get; set; } = "USD";
    public string TimeZone { get; set; } = "UTC";
    public AdAccountStatus Status { get; set; } = AdAccountStatus.Active;
    public bool IsActive { get; set; }
    [Secret]
    public string? AccessTokenCiphertext { get; set; }
    [Secret]
    public string? RefreshTokenCiphertext { get; set; }
    public string? TokenKeyId { get; set; }
    public DateTime? TokenExpiresAt { get; set; }
    public DateTime? LastSyncedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum AdPlatformKind
{
    Simulated,
    Meta,
    TikTok,
    GoogleAds,
}

public enum AdAccountStatus
{
    Active,
    NeedsReauth,
    Disconnected,
}
