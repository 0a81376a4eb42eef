using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>
/// The embedded default model (docs/decisions/024-offline-agent.md): no network, no key, deterministic. Each call reads
/// the whole conversation (it keeps no state, so one instance serves everyone), understands the last user message and
/// either asks for tool calls (the orchestrator's function invocation runs them through the MCP tool registry) or, once
/// the results are in, answers with Markdown and charts or tables. Usage is counted with <see cref="AgentTokens"/>.
/// </summary>
public sealed class OfflineChatClient(TimeProvider clock) : IChatClient
{
    public const string Model = "offline";

    private static readonly ChatClientMetadata Metadata = new("adpilot-offline", null, Model);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var reply = Reply(messages, options);
        var message = new ChatMessage(ChatRole.Assistant, [.. reply.Contents]) { MessageId = reply.MessageId };
        return Task.FromResult(new ChatResponse(message) { ModelId = Model, FinishReason = reply.FinishReason, Usage = reply.Usage });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var reply = Reply(messages, options);
        foreach (var piece in OfflineChunks.Split(reply.Text))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Update(reply, [new TextContent(piece)]);
            await Task.Yield();
        }

        var rest = reply.Contents.Where(c => c is not TextContent).ToList();
        if (rest.Count > 0)
        {
            yield return Update(reply, rest);
        }

        var usage = Update(reply, [new UsageContent(reply.Usage)]);
        usage.FinishReason = reply.FinishReason;
        yield return usage;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null : serviceType == typeof(ChatClientMetadata) ? Metadata : serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    private OfflineReply Reply(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var list = messages.ToList();
        var context = AgentContext.From(options) ?? new AgentContext(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), "UTC", "en", []);
        var conversation = OfflineConversation.Read(list);
        return OfflineReply.Of(OfflineAgent.Next(conversation, context), conversation, OfflineUsage.Input(list));
    }

    private static ChatResponseUpdate Update(OfflineReply reply, IList<AIContent> contents) =>
        new(ChatRole.Assistant, contents) { ModelId = Model, MessageId = reply.MessageId };
}
