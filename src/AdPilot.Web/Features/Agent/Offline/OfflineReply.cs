using Microsoft.Extensions.AI;

namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>A step as chat contents: the tool calls (ids call_1, call_2… numbered across the conversation) or the answer's text and data, with the usage.</summary>
internal sealed record OfflineReply(string Text, IReadOnlyList<AIContent> Contents, ChatFinishReason FinishReason, UsageDetails Usage, string MessageId)
{
    public static OfflineReply Of(OfflineStep step, OfflineConversation conversation, long inputTokens)
    {
        var id = $"offline-{conversation.CallsBefore}-{conversation.Rounds}";
        if (step is CallStep calls)
        {
            var contents = calls.Calls.Select((c, i) => (AIContent)new FunctionCallContent($"call_{conversation.CallsBefore + i + 1}", c.Name, new Dictionary<string, object?>(c.Arguments))).ToList();
            return new OfflineReply("", contents, ChatFinishReason.ToolCalls, OfflineUsage.Of(inputTokens, contents.Sum(c => OfflineUsage.Tokens(c))), id);
        }

        var answer = (AnswerStep)step;
        return new OfflineReply(answer.Text, [new TextContent(answer.Text), .. answer.Data], ChatFinishReason.Stop, OfflineUsage.Of(inputTokens, AgentTokens.Count(answer.Text)), id);
    }
}
