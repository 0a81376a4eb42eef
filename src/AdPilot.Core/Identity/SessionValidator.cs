using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace AdPilot.Core.Identity;

/// <summary>
/// Whether an access token or a browser session still stands after logout, a refresh-token family revocation or
/// "sign out everywhere". Checked on every authenticated request, so each node keeps a per-user snapshot in memory
/// for <see cref="SnapshotLifetime"/>; a revocation drops the snapshot on this node at once and on the others
/// through <see cref="ISessionRevocationBus"/> (Redis pub/sub when configured).
/// </summary>
public sealed class SessionValidator(IDbContextFactory<AppDbContext> dbFactory, IMemoryCache cache, TimeProvider clock, ISessionRevocationBus bus)
{
    /// <summary>How stale a node's view can get if a revocation message from another node is lost.</summary>
    public static readonly TimeSpan SnapshotLifetime = TimeSpan.FromSeconds(30);

    // JWT iat has whole seconds: a token issued in the second the snapshot was taken may be newer than it.
    private static readonly TimeSpan IssuedAtPrecision = TimeSpan.FromSeconds(1);

    private sealed record Snapshot(DateTime? ValidAfter, HashSet<Guid> ActiveFamilies, HashSet<Guid> ActiveSessions, DateTime LoadedAt, bool UserExists = true);

    /// <summary>
    /// An access token: with a session (<c>sid</c>, the refresh-token family) it stands while that family has a live
    /// refresh token ("sign out everywhere" revokes every family); without one, while it was issued after the user's stamp.
    /// </summary>
    public async Task<bool> IsAccessTokenValidAsync(long userId, Guid? family, DateTime issuedAt, CancellationToken ct = default)
    {
        var snapshot = await GetAsync(userId, ct);
        if (!snapshot.UserExists)
        {
            return false;
        }

        if (family is not { } id)
        {
            return IsAfterStamp(snapshot, issuedAt);
        }

        if (!snapshot.ActiveFamilies.Contains(id) && issuedAt >= snapshot.LoadedAt - IssuedAtPrecision)
        {
            // A family newer than the snapshot (signed in on another node a moment ago): look once more.
            snapshot = await LoadAsync(userId, ct);
        }

        return snapshot.ActiveFamilies.Contains(id);
    }

    /// <summary>
    /// A browser session stands while its server-side row (<see cref="Sessions.UserSession"/>) exists and is not revoked,
    /// and it started after the user's "sign out everywhere" stamp. An unknown id is refused.
    /// </summary>
    public async Task<bool> IsSessionValidAsync(long userId, Guid session, DateTime startedAt, CancellationToken ct = default)
    {
        var snapshot = await GetAsync(userId, ct);
        if (!snapshot.ActiveSessions.Contains(session) && startedAt >= snapshot.LoadedAt - IssuedAtPrecision)
        {
            // Started after the snapshot was taken (maybe on another node): look once more.
            snapshot = await LoadAsync(userId, ct);
        }

        return snapshot.ActiveSessions.Contains(session) && IsAfterStamp(snapshot, startedAt);
    }

    /// <summary>False once the user's account was deleted (a page then says so rather than "signed out").</summary>
    public async Task<bool> UserExistsAsync(long userId, CancellationToken ct = default) => (await GetAsync(userId, ct)).UserExists;

    /// <summary>Called after any revocation: this node forgets the user's snapshot now, the other nodes when told.</summary>
    public async Task RevokedAsync(long userId)
    {
        Forget(userId);
        await bus.PublishAsync(userId);
    }

    /// <summary>Drops this node's snapshot of the user (also what a revocation message from another node does).</summary>
    public void Forget(long userId)
    {
        cache.Remove(Key(userId));
        if (cache.TryGetValue(RevocationKey(userId), out CancellationTokenSource? revoked) && revoked is not null)
        {
            cache.Remove(RevocationKey(userId));
            revoked.Cancel();
        }
    }

    /// <summary>
    /// Fires when the user's credentials are revoked on any node (<see cref="Forget"/>): other caches of the user's
    /// credentials (personal access tokens) expire with it.
    /// </summary>
    public IChangeToken RevocationToken(long userId)
    {
        var source = cache.GetOrCreate(RevocationKey(userId), entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(10);
            return new CancellationTokenSource();
        })!;
        return new CancellationChangeToken(source.Token);
    }

    // A deleted user has no valid session or token, whatever its stamp was.
    private static bool IsAfterStamp(Snapshot snapshot, DateTime issuedAt) => snapshot.UserExists && (snapshot.ValidAfter is not { } after || issuedAt >= after);

    private async Task<Snapshot> GetAsync(long userId, CancellationToken ct) =>
        cache.TryGetValue(Key(userId), out Snapshot? snapshot) && snapshot is not null ? snapshot : await LoadAsync(userId, ct);

    private async Task<Snapshot> LoadAsync(long userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.Where(u => u.Id == userId).Select(u => new { u.SessionsValidAfter }).FirstOrDefaultAsync(ct);
        var families = await db.RefreshTokens
            .Where(t => t.UserId == userId && t.RevokedAt == null && t.ExpiresAt > now)
            .Select(t => t.FamilyId)
            .Distinct()
            .ToListAsync(ct);
        var browserSessions = await db.UserSessions
            .Where(s => s.UserId == userId && s.Kind == Sessions.SessionKind.Browser && s.RevokedAt == null)
            .Select(s => s.Id)
            .ToListAsync(ct);
        var snapshot = new Snapshot(user?.SessionsValidAfter, [.. families], [.. browserSessions], now, user is not null);
        cache.Set(Key(userId), snapshot, SnapshotLifetime);
        return snapshot;
    }

    private static string Key(long userId) => "sessions:" + userId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string RevocationKey(long userId) => "revocations:" + userId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Tells the other nodes that a user's sessions changed, so they drop their cached view.</summary>
public interface ISessionRevocationBus
{
    Task PublishAsync(long userId);
}

/// <summary>One node: nothing to tell.</summary>
public sealed class LocalSessionRevocationBus : ISessionRevocationBus
{
    public Task PublishAsync(long userId) => Task.CompletedTask;
}
