using System.Collections.Concurrent;
using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Identity.Sessions;

/// <summary>
/// Keeps a session's "last used" roughly current without a write per request: each node writes at most once per
/// <see cref="TouchInterval"/> per session, and the write itself skips rows another node touched within the interval.
/// </summary>
public sealed class SessionActivity(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);
    private const int MaxRemembered = 50_000;

    private readonly ConcurrentDictionary<Guid, DateTime> _lastWritten = new();

    /// <summary>Records a use of the session; returns whether it wrote (for tests and metrics).</summary>
    public async Task<bool> TouchAsync(long userId, Guid sessionId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_lastWritten.TryGetValue(sessionId, out var last) && now - last < TouchInterval)
        {
            return false;
        }

        _lastWritten[sessionId] = now;
        if (_lastWritten.Count > MaxRemembered)
        {
            Prune(now);
        }

        var staleBefore = now - TouchInterval;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.UserSessions
            .Where(s => s.Id == sessionId && s.UserId == userId && s.RevokedAt == null && s.LastUsedAt <= staleBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastUsedAt, now), ct) > 0;
    }

    private void Prune(DateTime now)
    {
        foreach (var (id, at) in _lastWritten)
        {
            if (now - at >= TouchInterval)
            {
                _lastWritten.TryRemove(id, out _);
            }
        }
    }
}
