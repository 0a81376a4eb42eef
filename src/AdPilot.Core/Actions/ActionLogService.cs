using System.Text.Json.Nodes;
using AdPilot.Core.Common;
using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Actions;

/// <summary>The action log: every applied write from MCP clients, the agent and rules, newest first, per user.</summary>
public sealed class ActionLogService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public async Task<ActionLogView> RecordAsync(long userId, Actor actor, ActionRecord record, CancellationToken ct = default)
    {
        var entry = new ActionLogEntry
        {
            UserId = userId,
            Source = actor.Source,
            Client = Truncate(actor.Client, 200),
            Action = record.Action,
            EntityType = record.EntityType,
            EntityId = record.EntityId,
            EntityName = Truncate(record.EntityName, 300) ?? "",
            Summary = Truncate(record.Summary, 500) ?? "",
            BeforeJson = record.Before?.ToJsonString(),
            AfterJson = record.After?.ToJsonString(),
            RevertsId = record.RevertsId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Add(entry);
        await db.SaveChangesAsync(ct);
        return View(entry);
    }

    public async Task<Paged<ActionLogView>> ListAsync(long userId, ActionLogQuery query, CancellationToken ct = default)
    {
        RequestValidator.Validate(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.Set<ActionLogEntry>().AsNoTracking().Where(a => a.UserId == userId);
        if (query.EntityType is { Length: > 0 } type)
        {
            rows = rows.Where(a => a.EntityType == type);
        }

        if (query.EntityId is { } entityId)
        {
            rows = rows.Where(a => a.EntityId == entityId);
        }

        if (query.Source is { Length: > 0 } source)
        {
            rows = rows.Where(a => a.Source == source);
        }

        var total = await rows.CountAsync(ct);
        var page = await rows.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .ToListAsync(ct);
        return new Paged<ActionLogView>(page.Select(View).ToList(), query.Page, query.PageSize, total);
    }

    public async Task<ActionLogView> GetAsync(long userId, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entry = await db.Set<ActionLogEntry>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.UserId == userId, ct)
            ?? throw new NotFoundException("Action", id);
        return View(entry);
    }

    private static ActionLogView View(ActionLogEntry a)
    {
        var (before, after) = (Parse(a.BeforeJson), Parse(a.AfterJson));
        return new(a.Id, a.Source, a.Client, a.Action, a.EntityType, a.EntityId, a.EntityName, a.Summary, before, after, a.CreatedAt, a.UndoneAt,
            a.RevertsId, Parse(a.EffectJson), a.EffectMeasuredAt,
            a.UndoneAt is null && ActionUndo.WhyNot(a.Action, a.EntityType, a.EntityId, a.RevertsId, before, after) is null);
    }

    private static JsonNode? Parse(string? json) => json is null ? null : JsonNode.Parse(json);

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
