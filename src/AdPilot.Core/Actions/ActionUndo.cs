using System.Globalization;
using System.Text.Json.Nodes;
using AdPilot.Core.Campaigns;
using AdPilot.Core.Common;
using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Actions;

/// <summary>What an undo will do, checked against the entity as it is now: each field from its current value back to the entry's before.</summary>
/// <param name="ConfirmBecause">Why a writer that is not a person clicking must confirm it (the undo raises a budget by over 50 %); null when not.</param>
public sealed record UndoPlan(ActionLogView Entry, string Summary, JsonObject Current, JsonObject Restore, string? ConfirmBecause);

/// <summary>
/// Undo of an applied change in the action log (docs/decisions/026): the before values go back through the same campaign
/// service methods as any write (so the ad platform is synced), a new entry records the undo, and the original is marked
/// undone. Refused — with nothing changed — when the entry is not the user's (<c>not_found</c>), was undone already
/// (<c>already_undone</c>), cannot be re-applied (<c>not_undoable</c>) or its entity changed since (<c>entity_changed</c>).
/// </summary>
public sealed class ActionUndo(IDbContextFactory<AppDbContext> dbFactory, ActionLogService log, CampaignChanges changes, CampaignReverts reverts, TimeProvider clock)
{
    /// <summary>The action name of the entries undos write (the tool that makes them).</summary>
    public const string ActionName = "undo_action";

    /// <summary>Why the entry cannot be undone whatever its entity's state; null when it can be tried.</summary>
    public static string? WhyNot(string action, string entityType, long? entityId, long? revertsId, JsonNode? before, JsonNode? after) =>
        revertsId is not null
            ? "This entry is itself an undo. To go back, make the change again."
            : entityId is null ? "This entry names no entity to restore." : CampaignReverts.WhyNot(action, entityType, before, after);

    public async Task<UndoPlan> PlanAsync(long userId, long id, CancellationToken ct = default)
    {
        var entry = await log.GetAsync(userId, id, ct);
        if (entry.UndoneAt is { } undoneAt)
        {
            throw AlreadyUndone(id, undoneAt);
        }

        if (WhyNot(entry.Action, entry.EntityType, entry.EntityId, entry.RevertsId, entry.Before, entry.After) is { } reason)
        {
            throw new ConflictException("not_undoable", $"Action {id} cannot be undone: {reason} Nothing was changed.");
        }

        var (before, after) = ((JsonObject)entry.Before!, (JsonObject)entry.After!);
        var noun = entry.EntityType.Replace('_', ' ');
        JsonObject current;
        try
        {
            current = await changes.CurrentAsync(userId, CampaignReverts.Level(entry.EntityType)!.Value, entry.EntityId!.Value, after.Select(f => f.Key), ct);
        }
        catch (NotFoundException)
        {
            throw new ConflictException("entity_changed", $"The {noun} \"{entry.EntityName}\" no longer exists, so there is nothing to restore. Nothing was changed.");
        }

        // A field already back at its before value is no one's newer change: an earlier undo the platform refused, or a manual revert.
        var changed = after.Where(f => !(current.ContainsKey(f.Key) && (JsonValues.Same(current[f.Key], f.Value) || JsonValues.Same(current[f.Key], before[f.Key]))))
            .Select(f => current.ContainsKey(f.Key)
                ? $"{Field(f.Key)} is now {JsonValues.Show(current[f.Key])} (this action set {JsonValues.Show(f.Value)})"
                : $"{Field(f.Key)} no longer exists")
            .ToList();
        if (changed.Count > 0)
        {
            throw new ConflictException("entity_changed",
                $"The {noun} \"{entry.EntityName}\" changed after this action: {string.Join("; ", changed)}. Undo would overwrite that newer change, so nothing was changed.");
        }

        var raise = WriteRules.IsBigBudgetRaise(Budget(current), Budget(before))
            ? $"Undoing this raises the budget of \"{entry.EntityName}\" from {JsonValues.Show(current["budget"])} to {JsonValues.Show(before["budget"])}, more than 50 %."
            : null;
        return new UndoPlan(entry, "Undo: " + entry.Summary, current, (JsonObject)before.DeepClone(), raise);
    }

    /// <summary>
    /// Undoes the entry for <paramref name="actor"/> and returns the new entry. Two undos of one entry at once apply once: the
    /// entry is claimed by a conditional update before anything changes. When the platform does not take the change, the
    /// claim is released and the log is as it was (the entity keeps the restored values marked sync_failed, as any write).
    /// </summary>
    public async Task<ActionLogView> UndoAsync(long userId, long id, Actor actor, CancellationToken ct = default)
    {
        var plan = await PlanAsync(userId, id, ct);
        var entry = plan.Entry;
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await ClaimAsync(userId, id, now, ct))
        {
            throw AlreadyUndone(id, null);
        }

        try
        {
            var detail = await reverts.ApplyAsync(userId, CampaignReverts.Level(entry.EntityType)!.Value, entry.EntityId!.Value, plan.Restore, ct);
            if (detail.Campaign.SyncStatus == "sync_failed")
            {
                throw new ConflictException("platform_error",
                    $"The ad platform did not take the undo: {detail.Campaign.SyncError} The action log is unchanged (action {id} is not undone). " +
                    $"Campaign {detail.Campaign.Id} keeps the restored values marked sync_failed, so the platform still runs the current ones: " +
                    "fix the cause and press Retry on the campaign's page in AdPilot, or undo again.");
            }
        }
        catch
        {
            await ReleaseAsync(id);
            throw;
        }

        return await log.RecordAsync(userId, actor, new ActionRecord(ActionName, entry.EntityType, entry.EntityId, entry.EntityName,
            "Undid: " + entry.Summary, entry.After?.DeepClone(), entry.Before?.DeepClone(), RevertsId: id), ct);
    }

    private async Task<bool> ClaimAsync(long userId, long id, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<ActionLogEntry>().Where(a => a.Id == id && a.UserId == userId && a.UndoneAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.UndoneAt, now), ct) == 1;
    }

    /// <summary>Only the claim's holder gets here, so no other undo can have set the field meanwhile.</summary>
    private async Task ReleaseAsync(long id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Set<ActionLogEntry>().Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.UndoneAt, (DateTime?)null));
    }

    private static ConflictException AlreadyUndone(long id, DateTime? at) => new("already_undone", at is { } when
        ? $"Action {id} was already undone ({when.ToString("u", CultureInfo.InvariantCulture)}); its undo is in the action log. Nothing was changed."
        : $"Action {id} is being undone by another request at this moment. Nothing was changed by this one.");

    private static decimal? Budget(JsonObject state) => state["budget"] is JsonValue v && v.TryGetValue<decimal>(out var d) ? d : null;

    private static string Field(string field) => field.Replace('_', ' ');
}
