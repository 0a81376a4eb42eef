using System.ComponentModel;
using AdPilot.Core.Actions;
using AdPilot.Web.Features.Campaigns;
using AdPilot.Web.Features.Mcp;
using ModelContextProtocol.Server;

namespace AdPilot.Web.Features.Actions;

/// <summary>MCP tools over the action log: the changes applied for the user, and undo of one through <see cref="ActionUndo"/>.</summary>
[McpServerToolType]
internal sealed class ActionsTools(ToolCaller caller, ActionLogService actions, ActionUndo undo)
{
    private readonly ToolWrites _writes = new(caller, actions);

    [McpServerTool(Name = "get_actions", Title = "List applied changes", UseStructuredContent = true, ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("Lists the changes applied to the user's campaigns, ad sets and ads by MCP clients, the agent, rules and the API, newest first: each with " +
        "its fields before and after, whether it can be undone (can_undo) or was (undone_at), and 3 days after the change its measured effect (the " +
        "entity's spend, conversions, CPA, ROAS and CTR of the 3 days before vs after, per currency). Filter by entity or source; page with cursor.")]
    public async Task<ToolPage<ActionLogView>> GetActionsAsync(
        [Description("Only changes to this kind of entity: campaign, ad_set or ad.")] string? entity_type = null,
        [Description("Only changes to the entity with this id (with entity_type).")] long? entity_id = null,
        [Description("Only changes made from here: mcp, agent, rule, api or web.")] string? source = null,
        [Description("The next_cursor of the previous page; omit for the first page.")] string? cursor = null,
        [Description("Entries per page, 1 to 100 (default 25).")] int? page_size = null,
        CancellationToken ct = default) =>
        ToolPaging.From(await actions.ListAsync(caller.UserId, new ActionLogQuery
        {
            EntityType = entity_type, EntityId = entity_id, Source = source, Page = ToolPaging.Page(cursor), PageSize = ToolPaging.PageSize(page_size),
        }, ct));

    [McpServerTool(Name = "undo_action", Title = "Undo an applied change", UseStructuredContent = true, ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = true)]
    [Description("Undoes a change from the action log: puts the entity's fields back to their values before it, on the ad platform too, and records the " +
        "undo in the log. Works for pauses, resumes and updates of campaigns, ad sets and ads (not for creations or deletions: not_undoable). Refused " +
        "with entity_changed, naming the fields, when the entity was changed again since (the undo would overwrite that), and with already_undone " +
        "when it was undone. Preview with dry_run first; an undo that raises a budget by more than 50 % needs confirm: true.")]
    public async Task<WriteOutcome<ActionLogView>> UndoActionAsync(
        [Description("The action-log entry to undo: the action_id a write tool returned, or an id from get_actions.")] long action_id,
        [Description("True to preview: returns each field current → restored and changes nothing. Preview first and show the user.")] bool dry_run = false,
        [Description("Must be true when the undo raises a budget by more than 50 %; otherwise the call fails with confirmation_required.")] bool confirm = false,
        CancellationToken ct = default)
    {
        var plan = await undo.PlanAsync(caller.UserId, action_id, ct);
        var entry = plan.Entry;
        var write = new PlannedWrite(ActionUndo.ActionName, entry.EntityType, entry.EntityId, entry.EntityName, plan.Summary,
            CampaignWrites.Diff(plan.Current, plan.Restore), plan.ConfirmBecause);
        return await _writes.RunRecordedAsync(write, dry_run, confirm, async token =>
        {
            var undone = await undo.UndoAsync(caller.UserId, action_id, caller.Actor, token);
            return ((ActionLogView?)undone, undone.Id);
        }, ct);
    }
}
