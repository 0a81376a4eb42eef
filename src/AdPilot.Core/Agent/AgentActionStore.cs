using AdPilot.Core.Common;
using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Agent;

/// <summary>The agent's proposed actions, per user: stored when proposed, then applied, dismissed or failed exactly once.</summary>
public sealed class AgentActionStore(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public async Task<AgentAction> AddAsync(AgentAction action, CancellationToken ct = default)
    {
        action.Id = 0;
        action.Status = AgentActionStatuses.Proposed;
        action.CreatedAt = clock.GetUtcNow().UtcDateTime;
        action.EntityName = Truncate(action.EntityName, 300);
        action.Summary = Truncate(action.Summary, 500);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Add(action);
        await db.SaveChangesAsync(ct);
        return action;
    }

    public async Task<AgentAction> GetAsync(long userId, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AgentActions.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.UserId == userId, ct)
            ?? throw new NotFoundException("Action", id);
    }

    public async Task<IReadOnlyList<AgentAction>> ListAsync(long userId, long conversationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AgentActions.AsNoTracking()
            .Where(a => a.UserId == userId && a.ConversationId == conversationId)
            .OrderBy(a => a.Id).ToListAsync(ct);
    }

    /// <summary>
    /// Moves an action that is still open (proposed, or failed and so worth another try) to <paramref name="status"/>
    /// (applying or dismissed): true for the one caller that did, false when another click (on another device or node)
    /// got there first.
    /// </summary>
    public async Task<bool> DecideAsync(long userId, long id, string status, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.AgentActions
            .Where(a => a.Id == id && a.UserId == userId && (a.Status == AgentActionStatuses.Proposed || a.Status == AgentActionStatuses.Failed))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, status).SetProperty(a => a.DecidedAt, now), ct) == 1;
    }

    /// <summary>Records how applying ended: the action-log entry, or why it failed.</summary>
    public async Task CompleteAsync(long userId, long id, long? actionLogId, string? error, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var status = error is null ? AgentActionStatuses.Applied : AgentActionStatuses.Failed;
        var reason = error is null ? null : Truncate(error, 500);
        await db.AgentActions.Where(a => a.Id == id && a.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, status).SetProperty(a => a.ActionLogId, actionLogId).SetProperty(a => a.Error, reason), ct);
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
