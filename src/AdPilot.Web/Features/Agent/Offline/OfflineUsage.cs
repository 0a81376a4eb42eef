using System.Text.Json;
using AdPilot.Web.Features.Mcp;
using Microsoft.Extensions.AI;

namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>
/// The offline agent's token counts, by <see cref="AgentTokens"/>: input is every message's text, tool calls (name and
/// JSON arguments) and tool results (their JSON); output is the answer's text or the calls it makes.
/// </summary>
internal static class OfflineUsage
{
    public static long Input(IEnumerable<ChatMessage> messages) => messages.SelectMany(m => m.Contents).Sum(Tokens);

    public static long Tokens(AIContent content) => content switch
    {
        TextContent text => AgentTokens.Count(text.Text),
        FunctionCallContent call => AgentTokens.Count(call.Name + JsonSerializer.Serialize(call.Arguments, McpJson.Options)),
        FunctionResultContent result => AgentTokens.Count(result.Result switch
        {
            JsonElement json => json.GetRawText(),
            string text => text,
            null => "",
            var other => JsonSerializer.Serialize(other, other.GetType(), McpJson.Options),
        }),
        _ => 0,
    };

    public static UsageDetails Of(long input, long output) => new() { InputTokenCount = input, OutputTokenCount = output, TotalTokenCount = input + output };
}
