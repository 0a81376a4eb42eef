using AdPilot.Core.Common;
using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Identity.Sessions;

/// <summary>
/// Server-side sessions: started at sign-in (browser) or token issue (API), listed on the Security tab, signed out one
/// by one or all but the current. Every revocation tells <see cref="SessionValidator"/>, which refuses the session at once
/// on this node and, through the revocation bus, on the others.
/// </summary>
public sealed class UserSessionService(IDbContextFactory<AppDbContext> dbFactory, SessionValidator validator, TimeProvider clock)
{
    /// <summary>How long an unused browser session lives (the cookie's sliding expiry).</summary>
    public static readonly TimeSpan BrowserLifetime = TimeSpan.FromDays(14);

    public async Task<Guid> StartBrowserAsync(long userId, SessionClient client, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = New(userId, Guid.NewGuid(), SessionKind.Browser, client, clock.GetUtcNow().UtcDateTime);
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    internal static UserSession New(long userId, Guid id, SessionKind kind, SessionClient client, DateTime now) => new()
    {
        Id = id, UserId = userId, Kind = kind, Device = client.Device, Place = client.Place, CreatedAt = now, LastUsedAt = now,
    };

    /// <summary>Active sessions: browser ones used within <see cref="BrowserLifetime"/>, API ones while their refresh tokens live.</summary>
    public async Task<SessionList> ListAsync(long userId, Guid? current, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var idleCutoff = now - BrowserLifetime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.RevokedAt == null)
            .Where(s => (s.Kind == SessionKind.Browser && s.LastUsedAt > idleCutoff)
                || (s.Kind == SessionKind.Api && db.RefreshTokens.Any(t => t.UserId == userId && t.FamilyId == s.Id && t.RevokedAt == null && t.ExpiresAt > now)))
            .Select(s => new SessionView(s.Id, s.Kind, s.Device, s.Place, s.CreatedAt, s.LastUsedAt, false))
            .ToListAsync(ct);
        return new SessionList(rows.Select(s => s with { Current = s.Id == current }).OrderByDescending(s => s.Current).ThenByDescending(s => s.LastUsedAt).ToList());
    }

    /// <summary>Signs out one session of the user (another user's id, or one already signed out, is not found).</summary>
    public async Task RevokeAsync(long userId, Guid sessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var revoked = await RevokeWhereAsync(db, userId, s => s.Id == sessionId, ct);
        if (revoked == 0)
        {
            throw new NotFoundException("Session", sessionId);
        }

        await validator.RevokedAsync(userId);
    }

    /// <summary>"Sign out all other sessions": every session but <paramref name="current"/> ends; personal access tokens stay.</summary>
    public async Task<int> RevokeOthersAsync(long userId, Guid? current, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var revoked = await RevokeWhereAsync(db, userId, s => s.Id != current, ct);
        await validator.RevokedAsync(userId);
        return revoked;
    }

    /// <summary>Revokes the sessions and, for API ones, their refresh-token families (so their access tokens stop too).</summary>
    internal async Task<int> RevokeWhereAsync(AppDbContext db, long userId, System.Linq.Expressions.Expression<Func<UserSession, bool>> which, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = await db.UserSessions.Where(s => s.UserId == userId && s.RevokedAt == null).Where(which).Select(s => s.Id).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return 0;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.UserSessions.Where(s => s.UserId == userId && ids.Contains(s.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), ct);
        await db.RefreshTokens
            .Where(t => t.UserId == userId && ids.Contains(t.FamilyId) && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevokedReason, RefreshTokenRevocation.SignedOut), ct);
        await tx.CommitAsync(ct);
        return ids.Count;
    }
}
