namespace AdPilot.Core.AdAccounts;

public sealed record PlatformView(string Platform, string Name, bool Available, bool SupportsPkce);

/// <param name="TokenState">ok, expiring (within 7 days), expired, or needs_reauth.</param>
public sealed record AdAccountView(
    long Id,
    string Platform,
    string PlatformAccountId,
    string Name,
    string Currency,
    string TimeZone,
    string Status,
    bool IsActive,
    string TokenState,
    DateTime? TokenExpiresAt,
    DateTime? LastSyncedAt,
    DateTime CreatedAt);

public sealed record ConnectResult(Uri AuthorizeUrl);

public sealed record RefreshSummary(int Checked, int Refreshed, int Failed);
