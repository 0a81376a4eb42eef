using AdPilot.Core.Actions;
using AdPilot.Core.Common;
using AdPilot.Web.Features.Identity;
using AdPilot.Web.Features.Mcp;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdPilot.Web.Features.Actions;

/// <summary>The action log: the changes MCP clients, the agent and rules made for the user, with the state before and after.</summary>
internal static class ActionsApi
{
    public static void MapActionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/actions").WithTags("Actions").RequireAuthorization();
        group.MapGet("/", ListActions);
        group.MapGet("/{id:long}", GetAction);
        group.MapPost("/{id:long}/undo", UndoAction);
    }

    /// <summary>Newest first; filter by what was changed (<c>entityType</c> campaign, ad_set, ad; <c>entityId</c>) and where from (<c>source</c>).</summary>
    private static async Task<Ok<Paged<ActionLogView>>> ListActions(
        HttpContext http, ActionLogService actions, CancellationToken ct,
        string? entityType = null, long? entityId = null, string? source = null, int page = 1, int pageSize = 25) =>
        TypedResults.Ok(await actions.ListAsync(http.User.UserId(), new ActionLogQuery
        {
            EntityType = entityType, EntityId = entityId, Source = source, Page = page, PageSize = pageSize,
        }, ct));

    /// <summary>
    /// Puts the entity back to its values before the change (on the ad platform too) and returns the undo's own entry. 409 with
    /// <c>already_undone</c>, <c>not_undoable</c> (creations, deletions), <c>entity_changed</c> (changed again since; the detail names
    /// the fields) or <c>platform_error</c> (the log is then unchanged); 404 for another user's entry.
    /// </summary>
    private static async Task<Ok<ActionLogView>> UndoAction(long id, HttpContext http, ActionUndo undo, CancellationToken ct) =>
        TypedResults.Ok(await undo.UndoAsync(http.User.UserId(), id, ToolCaller.From(http.User, ActionSources.Api).Actor, ct));

    private static async Task<Ok<ActionLogView>> GetAction(long id, HttpContext http, ActionLogService actions, CancellationToken ct) =>
        TypedResults.Ok(await actions.GetAsync(http.User.UserId(), id, ct));
}
