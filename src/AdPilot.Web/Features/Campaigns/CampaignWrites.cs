using System.Globalization;
using System.Text.Json.Nodes;
using AdPilot.Core.Actions;
using AdPilot.Core.Campaigns;
using AdPilot.Core.Common;
using AdPilot.Web.Features.Mcp;

namespace AdPilot.Web.Features.Campaigns;

/// <summary>
/// The guarded path of every campaign tool that writes: the change previewed by <see cref="CampaignChanges"/> becomes a
/// <see cref="PlannedWrite"/> (before → after per field; confirmation for deletions and big budget raises), runs through
/// <see cref="ToolWrites"/>, and a change the ad platform refused comes back as an error instead of a success.
/// </summary>
internal sealed class CampaignWrites(ToolCaller caller, ActionLogService actions, CampaignService campaigns, CampaignChanges changes)
{
    private readonly ToolWrites _writes = new(caller, actions);

    public async Task<WriteOutcome<CampaignDetail>> RunAsync(
        string action, CampaignChange change, string summary, bool dryRun, bool confirm,
        Func<CancellationToken, Task<CampaignDetail?>> apply, CancellationToken ct, Func<CampaignDetail, (CampaignLevel Level, long Id)>? created = null)
    {
        var plan = new PlannedWrite(action, change.EntityType, change.EntityId, change.EntityName, summary, Diff(change.Before, change.After), ConfirmBecause(change));
        if (plan.Changes.Count == 0)
        {
            var current = change.CampaignId is { } id ? await campaigns.GetAsync(caller.UserId, id, ct) : null;
            return new WriteOutcome<CampaignDetail>(dryRun, false, $"Nothing to change: {change.EntityType.Replace('_', ' ')} \"{change.EntityName}\" already has these settings.", [], null, current,
                change.EntityType, change.EntityId, change.EntityName);
        }

        var outcome = await _writes.RunAsync(plan, dryRun, confirm, apply, ct, async (result, token) =>
        {
            if (created is not null)
            {
                // A creation keeps the entity as made, with its new id; a deletion the whole tree as it was; an edit the changed fields.
                var (level, entityId) = created(result!);
                return new ActionRecord(action, change.EntityType, entityId, change.EntityName, summary, null,
                    await changes.StateAsync(caller.UserId, level, entityId, token));
            }

            return change.After is null
                ? new ActionRecord(action, change.EntityType, change.EntityId, change.EntityName, summary, change.Before, null)
                : new ActionRecord(action, change.EntityType, change.EntityId, change.EntityName, summary, Side(plan, c => c.Before), Side(plan, c => c.After));
        });
        if (outcome.Result?.Campaign is { SyncStatus: "sync_failed" } failed)
        {
            throw new ConflictException("platform_error",
                $"AdPilot saved the change (action {outcome.ActionId} in the action log) but the ad platform did not take it: {failed.SyncError} " +
                $"Campaign {failed.Id} is marked sync_failed, so the platform still runs the old settings. Do not repeat the call: tell the user, " +
                "who can fix the cause and press Retry on the campaign's page in AdPilot.");
        }

        return outcome;
    }

    /// <summary>Each field whose value differs, before → after; a creation or deletion lists every field.</summary>
    public static IReadOnlyList<FieldChange> Diff(JsonObject? before, JsonObject? after)
    {
        var fields = (before ?? []).Select(f => f.Key).Union((after ?? []).Select(f => f.Key));
        return fields
            .Select(f => new FieldChange(f, before?[f]?.DeepClone(), after?[f]?.DeepClone()))
            .Where(c => !JsonNode.DeepEquals(c.Before, c.After))
            .ToList();
    }

    private static JsonObject Side(PlannedWrite plan, Func<FieldChange, JsonNode?> side) =>
        new(plan.Changes.Select(c => KeyValuePair.Create(c.Field, side(c)?.DeepClone())));

    private static string? ConfirmBecause(CampaignChange change)
    {
        if (change.After is null)
        {
            return $"Deleting {change.EntityType.Replace('_', ' ')} \"{change.EntityName}\" removes it and everything in it on the ad platform; it cannot be undone there.";
        }

        var before = Budget(change.Before);
        var after = Budget(change.After);
        return WriteRules.IsBigBudgetRaise(before, after)
            ? $"This raises the budget of \"{change.EntityName}\" from {Amount(before)} to {Amount(after)}, more than 50 %."
            : null;
    }

    private static decimal? Budget(JsonObject? state) => state?["budget"]?.GetValue<decimal>();

    private static string Amount(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
}
