using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdPilot.Core.Actions;
using AdPilot.Core.Agent;
using AdPilot.Core.Common;
using AdPilot.Web.Features.Identity;
using AdPilot.Web.Features.Mcp;

namespace AdPilot.Web.Features.Agent;

/// <summary>
/// Action cards: a write the agent proposed is stored with its dry run's preview; Apply runs the same tool for real
/// (through the registry, so the action log records it and Undo works), once however often it is clicked; Dismiss
/// closes it. Owner-scoped: another user's action id is not found.
/// </summary>
public sealed class AgentActions(AgentActionStore store, AgentToolbox toolbox, EffectEstimator effects, IServiceScopeFactory scopes)
{
    private static readonly JsonElement True = JsonSerializer.SerializeToElement(true);
    private static readonly JsonElement False = JsonSerializer.SerializeToElement(false);

    internal async Task<AgentActionView> ProposeAsync(AgentTurnScope turn, string tool, IDictionary<string, JsonElement> arguments, JsonObject preview, CancellationToken ct)
    {
        var kept = arguments.Where(a => a.Key is not ("dry_run" or "confirm")).ToDictionary(a => a.Key, a => a.Value);
        var entityType = (string?)preview["entity_type"] ?? "";
        var entityId = (long?)preview["entity_id"];
        var effect = entityId is { } id ? await effects.EstimateAsync(turn.UserId, entityType, id, Side(preview, "before"), Side(preview, "after"), ct) : null;
        var action = await store.AddAsync(new AgentAction
        {
            UserId = turn.UserId,
            ConversationId = turn.ConversationId,
            Tool = tool,
            ArgumentsJson = JsonSerializer.Serialize(kept, McpJson.Options),
            EntityType = entityType,
            EntityId = entityId,
            EntityName = (string?)preview["entity_name"] ?? "",
            Summary = (string?)preview["summary"] ?? tool,
            ChangesJson = preview["changes"]?.ToJsonString(McpJson.Options) ?? "[]",
            ConfirmBecause = (string?)preview["confirm_because"],
            EffectJson = effect?.ToJsonString(McpJson.Options),
        }, ct);
        return View(action);
    }

    /// <summary>One side of a dry run's changes as an object: field → its value before (or after) the change.</summary>
    private static JsonObject Side(JsonObject preview, string side) =>
        new((preview["changes"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(c => KeyValuePair.Create((string?)c["field"] ?? "", c[side]?.DeepClone())));

    public async Task<AgentActionView> GetAsync(long userId, long id, CancellationToken ct = default) => View(await store.GetAsync(userId, id, ct));

    public async Task<IReadOnlyList<AgentActionView>> ListAsync(long userId, long conversationId, CancellationToken ct = default) =>
        (await store.ListAsync(userId, conversationId, ct)).Select(View).ToList();

    /// <summary>
    /// Applies a proposed action as <paramref name="user"/>. One that needs confirmation (a deletion, a big budget raise) is
    /// refused without <paramref name="confirm"/>; a failure is kept on the card with its reason and can be tried again.
    /// </summary>
    public async Task<AgentActionView> ApplyAsync(ClaimsPrincipal user, long id, bool confirm, CancellationToken ct = default)
    {
        var userId = user.UserId();
        var action = await store.GetAsync(userId, id, ct);
        EnsureOpen(action);
        if (action.ConfirmBecause is { } reason && !confirm)
        {
            throw new ConfirmationRequiredException($"{reason} Confirm to apply it; nothing was changed.");
        }

        var found = toolbox.Find(action.Tool) ?? throw new ConflictException("not_applicable", $"The tool {action.Tool} is no longer available; nothing was changed.");
        if (!await store.DecideAsync(userId, id, AgentActionStatuses.Applying, ct))
        {
            EnsureOpen(await store.GetAsync(userId, id, ct));
            throw new ConflictException("action_in_progress", "This action is being applied already.");
        }

        var arguments = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(action.ArgumentsJson, McpJson.Options) ?? [];
        arguments["dry_run"] = False;
        arguments["confirm"] = True;
        await using var scope = scopes.CreateAsyncScope();
        var principal = AgentPrincipal.For(user, action.ConversationId ?? 0);
        (JsonNode? Output, bool IsError) result;
        try
        {
            result = await toolbox.CallAsync(found.Tool, principal, arguments, scope.ServiceProvider, CancellationToken.None);
        }
        catch
        {
            // Tools turn errors into results; this is a cancellation or a bug. The card must not stay "applying" forever.
            await store.CompleteAsync(userId, id, null, "Applying was interrupted; check the action log before trying again.", CancellationToken.None);
            throw;
        }

        if (result.IsError)
        {
            var error = result.Output?["error"];
            var code = (string?)error?["code"] ?? "apply_failed";
            var message = (string?)error?["message"] ?? "The change was refused.";
            await store.CompleteAsync(userId, id, null, message, CancellationToken.None);
            throw code == "insufficient_scope" ? new ForbiddenException(code, message) : new ConflictException(code, message);
        }

        await store.CompleteAsync(userId, id, (long?)result.Output?["action_id"], null, CancellationToken.None);
        return await GetAsync(userId, id, CancellationToken.None);
    }

    public async Task<AgentActionView> DismissAsync(long userId, long id, CancellationToken ct = default)
    {
        EnsureOpen(await store.GetAsync(userId, id, ct));
        if (!await store.DecideAsync(userId, id, AgentActionStatuses.Dismissed, ct))
        {
            EnsureOpen(await store.GetAsync(userId, id, ct));
        }

        return await GetAsync(userId, id, ct);
    }

    private static void EnsureOpen(AgentAction action)
    {
        switch (action.Status)
        {
            case AgentActionStatuses.Applied:
                throw new ConflictException("already_applied", "This action was applied already; undo it from the action log if needed.");
            case AgentActionStatuses.Dismissed:
                throw new ConflictException("dismissed", "This action was dismissed; ask the agent again to propose it.");
            case AgentActionStatuses.Applying:
                throw new ConflictException("action_in_progress", "This action is being applied already.");
        }
    }

    private static AgentActionView View(AgentAction a) => new(
        a.Id, a.ConversationId, a.Tool, a.EntityType, a.EntityId, a.EntityName, a.Summary,
        JsonSerializer.Deserialize<List<FieldChange>>(a.ChangesJson, McpJson.Options) ?? [],
        a.ConfirmBecause, a.EffectJson is null ? null : JsonNode.Parse(a.EffectJson), a.Status, a.Error, a.ActionLogId, a.CreatedAt, a.DecidedAt);
}
