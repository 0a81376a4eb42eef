namespace AdPilot.Core.Identity.Sessions;

/// <summary>One signed-in device as the Security tab and <c>GET /api/v1/users/me/sessions</c> show it.</summary>
public sealed record SessionView(Guid Id, SessionKind Kind, string Device, string Place, DateTime CreatedAt, DateTime LastUsedAt, bool Current);

/// <summary>The user's active sessions, newest use first.</summary>
public sealed record SessionList(IReadOnlyList<SessionView> Items);
