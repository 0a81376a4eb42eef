using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AdPilot.Web.Tests.Agent;

/// <summary>
/// A model that follows a script, for testing the orchestrator: each round answers from the messages so far (function
/// calls, or text); the round is the number of its own answers since the user's last message. It records what it was
/// sent, so tests can check the tool results the model saw.
/// </summary>
public sealed class ScriptedChatClient(Func<IReadOnlyList<ChatMessage>, int, CancellationToken, Task<ChatResponse>> script) : IChatClient
{
    public List<IReadOnlyList<ChatMessage>> Received { get; } = [];

    public ChatOptions? LastOptions { get; private set; }

    public static ChatResponse Calls(params FunctionCallContent[] calls) =>
        new(new ChatMessage(ChatRole.Assistant, [.. calls])) { Usage = new UsageDetails { InputTokenCount = 100, OutputTokenCount = 10 } };

    public static ChatResponse Text(string text) =>
        new(new ChatMessage(ChatRole.Assistant, text)) { Usage = new UsageDetails { InputTokenCount = 200, OutputTokenCount = 20 } };

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        Received.Add(list);
        LastOptions = options;
        var lastUser = list.FindLastIndex(m => m.Role == ChatRole.User);
        var round = list.Skip(lastUser + 1).Count(m => m.Role == ChatRole.Assistant);
        return await script(list, round, cancellationToken);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
