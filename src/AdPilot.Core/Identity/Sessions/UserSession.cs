using AdPilot.Core.Common;

namespace AdPilot.Core.Identity.Sessions;

/// <summary>
/// One signed-in device: a browser cookie (its id is a claim in the cookie) or an API client (its id is the
/// refresh-token family). Revoking the row ends the session on every node at once (ADR 037).
/// </summary>
public sealed class UserSession : IOwned
{
    /// <summary>Random; for an API session the refresh-token family id.</summary>
    public Guid Id { get; set; }
    public long UserId { get; set; }
    public SessionKind Kind { get; set; }

    /// <summary>Browser and operating system read from the User-Agent, e.g. "Chrome on Windows"; the raw header is not kept.</summary>
    public string Device { get; set; } = "";

    /// <summary>The CDN's country/city when present, else a masked IP such as 203.0.113.x.</summary>
    public string Place { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    /// <summary>Updated at most once per <see cref="SessionActivity.TouchInterval"/>, not on every request.</summary>
    public DateTime LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

public enum SessionKind
{
    Browser,
    Api,
}
