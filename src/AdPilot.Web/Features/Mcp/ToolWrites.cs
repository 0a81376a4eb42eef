using System.ComponentModel;
using System.Text.Json.Nodes;
using AdPilot.Core.Actions;
using AdPilot.Core.Common;

namespace AdPilot.Web.Features.Mcp;

/// <summary>One field a write changes, before → after (null when it did not exist or will not).</summary>
public sealed record FieldChange(string Field, JsonNode? Before, JsonNode? After);

/// <summary>What a write will do, worked out from the current state before anything is changed.</summary>
/// <param name="ConfirmBecause">Why the change needs <c>confirm: true</c>; null when it does not.</param>
public sealed record PlannedWrite(
    string Action,
    string EntityType,
    long? EntityId,
    string EntityName,
    string Summary,
    IReadOnlyList<FieldChange> Changes,
    string? ConfirmBecause = null);

/// <summary>The result of a write tool: a dry run's preview, or the applied change with its action-log entry.</summary>
public sealed record WriteOutcome<T>(
    [property: Description("True when this was a dry run: nothing was changed.")] bool DryRun,
    [property: Description("True when the change was made.")] bool Applied,
    [property: Description("What the change does, in one sentence.")] string Summary,
    [property: Description("Each field that changes, before and after.")] IReadOnlyList<FieldChange> Changes,
    [property: Description("The action-log entry of the applied change (to show or undo it); null for a dry run.")] long? ActionId,
    [property: Description("The entity after the change; null for a dry run or a deletion.")] T? Result,
    [property: Description("What the change is made to: campaign, ad_set, ad or creative.")] string? EntityType = null,
    [property: Description("The id of that entity; null for one not created yet.")] long? EntityId = null,
    [property: Description("Its name.")] string? EntityName = null,
    [property: Description("Why applying needs confirm: true (a deletion, a budget raise over 50 %); null when it does not.")] string? ConfirmBecause = null);

/// <summary>
/// The write guardrails every tool that changes an ad platform or deletes goes through: a dry run returns the plan and
/// changes nothing; a plan that needs confirmation is refused without <c>confirm</c>; an applied change is recorded in
/// the action log with its before and after.
/// </summary>
public sealed class ToolWrites(ToolCaller caller, ActionLogService actions)
{
    /// <param name="record">
    /// What the action log keeps, made from the applied change's result (e.g. a created entity with its new id); by default
    /// the plan's fields before and after.
    /// </param>
    public async Task<WriteOutcome<T>> RunAsync<T>(
        PlannedWrite plan, bool dryRun, bool confirm, Func<CancellationToken, Task<T?>> apply, CancellationToken ct,
        Func<T?, CancellationToken, Task<ActionRecord>>? record = null) =>
        await RunRecordedAsync<T>(plan, dryRun, confirm, async token =>
        {
            var result = await apply(token);
            var entry = await actions.RecordAsync(caller.UserId, caller.Actor, record is null
                ? new ActionRecord(plan.Action, plan.EntityType, plan.EntityId, plan.EntityName, plan.Summary,
                    State(plan.Changes, c => c.Before), State(plan.Changes, c => c.After))
                : await record(result, token), token);
            return (result, entry.Id);
        }, ct);

    /// <summary>
    /// The same guardrails for a write whose service records its own action-log entry (an undo writes its entry and marks the
    /// one it reverts as one step); <paramref name="apply"/> returns the result and that entry's id.
    /// </summary>
    public async Task<WriteOutcome<T>> RunRecordedAsync<T>(
        PlannedWrite plan, bool dryRun, bool confirm, Func<CancellationToken, Task<(T? Result, long ActionId)>> apply, CancellationToken ct)
    {
        if (dryRun)
        {
            return new WriteOutcome<T>(true, false, plan.Summary, plan.Changes, null, default, plan.EntityType, plan.EntityId, plan.EntityName, plan.ConfirmBecause);
        }

        if (plan.ConfirmBecause is { } reason && !confirm)
        {
            throw new ConfirmationRequiredException(
                $"{reason} Nothing was changed. Show the user what will happen (call again with dry_run: true to preview), and after they agree call again with confirm: true.");
        }

        var (result, actionId) = await apply(ct);
        return new WriteOutcome<T>(false, true, plan.Summary, plan.Changes, actionId, result, plan.EntityType, plan.EntityId, plan.EntityName, plan.ConfirmBecause);
    }

    private static JsonObject State(IReadOnlyList<FieldChange> changes, Func<FieldChange, JsonNode?> side)
    {
        var state = new JsonObject();
        foreach (var change in changes)
        {
            state[change.Field] = side(change)?.DeepClone();
        }

        return state;
    }
}
