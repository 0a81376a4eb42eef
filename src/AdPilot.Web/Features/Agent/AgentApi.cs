using AdPilot.Core.Agent;
using AdPilot.Core.Common;
using AdPilot.Web.Features.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdPilot.Web.Features.Agent;

/// <summary>The agent's conversations (so the chat follows the user across devices) and its action cards (Apply, Dismiss).</summary>
internal static class AgentApi
{
    public static void MapAgentApi(this IEndpointRouteBuilder app)
    {
        var conversations = app.MapGroup("/api/v1/agent/conversations").WithTags("Agent").RequireAuthorization();
        conversations.MapGet("/", ListConversations);
        conversations.MapGet("/{id:long}", GetConversation);
        conversations.MapPatch("/{id:long}", RenameConversation);
        conversations.MapDelete("/{id:long}", DeleteConversation);
        conversations.MapDelete("/", ClearConversations);
        conversations.MapGet("/{id:long}/actions", ListConversationActions);

        var actions = app.MapGroup("/api/v1/agent/actions").WithTags("Agent").RequireAuthorization();
        actions.MapGet("/{id:long}", GetAgentAction);
        actions.MapPost("/{id:long}/apply", ApplyAgentAction);
        actions.MapPost("/{id:long}/dismiss", DismissAgentAction);
    }

    /// <summary>Newest first.</summary>
    private static async Task<Ok<Paged<ConversationSummary>>> ListConversations(
        HttpContext http, ConversationService conversations, CancellationToken ct, int page = 1, int pageSize = 20) =>
        TypedResults.Ok(await conversations.ListAsync(http.User.UserId(), new ConversationQuery { Page = page, PageSize = pageSize }, ct));

    /// <summary>The conversation with its messages, oldest first; each answer keeps its parts (tool calls, charts, tables, action cards).</summary>
    private static async Task<Ok<ConversationView>> GetConversation(long id, HttpContext http, ConversationService conversations, CancellationToken ct) =>
        TypedResults.Ok(await conversations.GetAsync(http.User.UserId(), id, ct));

    private static async Task<Ok<ConversationSummary>> RenameConversation(
        long id, RenameConversationRequest request, HttpContext http, ConversationService conversations, CancellationToken ct) =>
        TypedResults.Ok(await conversations.RenameAsync(http.User.UserId(), id, request, ct));

    private static async Task<NoContent> DeleteConversation(long id, HttpContext http, ConversationService conversations, CancellationToken ct)
    {
        await conversations.DeleteAsync(http.User.UserId(), id, ct);
        return TypedResults.NoContent();
    }

    /// <summary>Clear history: deletes every conversation of the user. Applied actions stay in the action log.</summary>
    private static async Task<NoContent> ClearConversations(HttpContext http, ConversationService conversations, CancellationToken ct)
    {
        await conversations.DeleteAllAsync(http.User.UserId(), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<AgentActionView>>> ListConversationActions(
        long id, HttpContext http, ConversationService conversations, AgentActions actions, CancellationToken ct)
    {
        var userId = http.User.UserId();
        await conversations.GetAsync(userId, id, ct);
        return TypedResults.Ok(await actions.ListAsync(userId, id, ct));
    }

    private static async Task<Ok<AgentActionView>> GetAgentAction(long id, HttpContext http, AgentActions actions, CancellationToken ct) =>
        TypedResults.Ok(await actions.GetAsync(http.User.UserId(), id, ct));

    /// <summary>
    /// Makes the proposed change on the ad platform through the same tool the MCP server offers; recorded in the action log
    /// (with Undo). One that needs confirmation (a deletion, a budget raise over 50 %) is refused with 409
    /// <c>confirmation_required</c> unless <c>confirm</c> is true.
    /// </summary>
    private static async Task<Ok<AgentActionView>> ApplyAgentAction(long id, ApplyAgentActionRequest? request, HttpContext http, AgentActions actions, CancellationToken ct) =>
        TypedResults.Ok(await actions.ApplyAsync(http.User, id, request?.Confirm == true, ct));

    private static async Task<Ok<AgentActionView>> DismissAgentAction(long id, HttpContext http, AgentActions actions, CancellationToken ct) =>
        TypedResults.Ok(await actions.DismissAsync(http.User.UserId(), id, ct));
}

public sealed record ApplyAgentActionRequest
{
    /// <summary>True when the user confirmed a change that needs it.</summary>
    public bool? Confirm { get; init; }
}
