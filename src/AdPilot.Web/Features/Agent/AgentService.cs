using System.Security.Claims;
using AdPilot.Core.Agent;
using AdPilot.Core.Common;
using AdPilot.Core.Creatives;
using AdPilot.Core.Credits;
using AdPilot.Web.Features.Identity;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace AdPilot.Web.Features.Agent;

/// <summary>
/// The agent (docs/decisions/023): one service behind the Blazor chat, <c>/ws/chat</c> and <c>/api/chat</c>.
/// <see cref="StartAsync"/> checks everything that can refuse a turn before anything streams (the message, the
/// conversation's owner, the per-user limit, the credit estimate) and stores the user's message; the returned
/// <see cref="AgentTurn"/> then streams the answer as <see cref="AgentEvent"/>s.
/// </summary>
public sealed class AgentService(
    [FromKeyedServices(AgentSetup.ModelKey)] IChatClient model,
    AgentToolbox toolbox,
    AgentActions actions,
    AgentContextBuilder contexts,
    ConversationService conversations,
    CreditService credits,
    CreativeService creatives,
    MeteredWork metered,
    AgentTurnSlots slots,
    AgentMetrics metrics,
    IServiceScopeFactory scopes,
    IOptions<AgentOptions> options,
    ILoggerFactory loggerFactory,
    TimeProvider clock)
{
    public const string ChatOperation = "chat_message";

    public AgentOptions Options => options.Value;

    public async Task<AgentTurn> StartAsync(ClaimsPrincipal user, AgentTurnRequest request, CancellationToken ct = default)
    {
        RequestValidator.Validate(request);
        var userId = user.UserId();
        var settings = options.Value;
        var slot = slots.Take(userId, settings.MaxConcurrentTurnsPerUser);
        try
        {
            var history = request.ConversationId is { } id ? await conversations.HistoryAsync(userId, id, ct) : [];
            if (request.ConversationId is { } existing && history.Count == 0)
            {
                await conversations.GetAsync(userId, existing, ct); // not found (or not the user's) is refused here
            }

            var attachments = AgentAttachments.Check(request.Attachments);
            await AgentAttachments.EnsureOwnedAsync(userId, attachments, creatives, ct);
            var context = await contexts.BuildAsync(userId, request.Page, ct) with { Attachments = attachments };
            var messages = Messages(AgentPrompt.For(context), history, request.Text.Trim() + AgentAttachments.Note(attachments));
            await EnsureCreditsAsync(userId, messages, settings, ct);
            var (conversationId, userMessageId) = await conversations.AddUserMessageAsync(
                userId, request.ConversationId, request.Text.Trim(), AgentAttachments.Parts(attachments)?.ToJsonString(), ct);
            var scope = scopes.CreateAsyncScope();
            var turn = new AgentTurnScope(userId, conversationId, AgentPrincipal.For(user, conversationId), scope.ServiceProvider);
            return new AgentTurn(this, turn, scope, slot, messages, ChatOptionsFor(context, turn), userMessageId);
        }
        catch
        {
            slot.Dispose();
            throw;
        }
    }

    internal IChatClient Client() => new FunctionInvokingChatClient(model, loggerFactory)
    {
        MaximumIterationsPerRequest = options.Value.MaxToolRounds,
        IncludeDetailedErrors = false,
    };

    internal ConversationService Conversations => conversations;
    internal CreditService Credits => credits;
    internal AgentMetrics Metrics => metrics;
    internal TimeProvider Clock => clock;
    internal ILogger Logger { get; } = loggerFactory.CreateLogger("AdPilot.Agent");

    /// <summary>P8: a turn the balance cannot cover at the most it may cost (the whole prompt in, every output token out) is refused before anything changes.</summary>
    private async Task EnsureCreditsAsync(long userId, IReadOnlyList<ChatMessage> messages, AgentOptions settings, CancellationToken ct)
    {
        var input = messages.Sum(m => AgentTokens.Count(m.Text));
        CreditEstimate estimate;
        try
        {
            estimate = await metered.EstimateAsync(new MeteredCharge(ChatOperation, "estimate", "estimate", settings.Model, input, settings.MaxOutputTokens), ct);
        }
        catch (ValidationFailedException ex) when (ex.Errors.ContainsKey("model"))
        {
            throw AgentModelCheck.Unpriced(settings.Model);
        }

        var balance = await credits.GetBalanceAsync(userId, ct);
        if (balance.Total < estimate.Credits)
        {
            throw new InsufficientCreditsException(estimate.Credits, balance.Total);
        }
    }

    private ChatOptions ChatOptionsFor(AgentContext context, AgentTurnScope turn)
    {
        var tools = toolbox.Tools.Select(t => (AITool)new RegistryFunction(t.Tool, t.Use, toolbox, actions, turn)).ToList();
        tools.AddRange(PresentationTools.For(turn));
        return new ChatOptions
        {
            ModelId = options.Value.Model,
            MaxOutputTokens = options.Value.MaxOutputTokens,
            Tools = tools,
            ToolMode = ChatToolMode.Auto,
            AdditionalProperties = new AdditionalPropertiesDictionary { [AgentContext.OptionsKey] = context },
        };
    }

    private static List<ChatMessage> Messages(string system, IReadOnlyList<ConversationMessageView> history, string text)
    {
        var messages = new List<ChatMessage> { new(ChatRole.System, system) };
        // An earlier message's attachments are told again, so "and which tags for it?" still knows what "it" was.
        messages.AddRange(history.Select(m => m.Role == MessageRoles.User
            ? new ChatMessage(ChatRole.User, m.Text + AgentAttachments.Note(AgentAttachments.FromParts(m.PartsJson)))
            : new ChatMessage(ChatRole.Assistant, m.Text)));
        messages.Add(new ChatMessage(ChatRole.User, text));
        return messages;
    }
}
