using System.Text.Json;
using AdPilot.Web.Features.Agent;
using AdPilot.Web.Features.Agent.Offline;
using AdPilot.Web.Features.Mcp;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace AdPilot.Web.Tests.Agent.Offline;

/// <summary>
/// Talks to the offline agent as the orchestrator does: a system prompt, the user's message, then each round's tool
/// calls answered with canned results (the real result records serialised with <see cref="McpJson.Options"/>).
/// Today is Wednesday 2026-11-18; the user has a Meta (USD), a TikTok (EUR) and a Google Ads (USD) account.
/// </summary>
internal sealed class OfflineHarness
{
    public static readonly DateOnly Today = new(2026, 11, 18);

    public static readonly IReadOnlyList<AgentAccount> Accounts =
    [
        new(11, "Meta US", "meta", "USD", "America/New_York", false),
        new(12, "TikTok EU", "tiktok", "EUR", "Europe/Berlin", false),
        new(13, "Google Search", "google", "USD", "America/New_York", false),
    ];

    public OfflineChatClient Client { get; } = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 18, 12, 0, 0, TimeSpan.Zero)));

    public List<ChatMessage> Messages { get; } = [new(ChatRole.System, "You are AdPilot's assistant.")];

    public ChatOptions Options { get; private set; } = For(null);

    public static ChatOptions For(AgentPage? page, string language = "en", IReadOnlyList<AgentAttachment>? attachments = null) => new()
    {
        AdditionalProperties = new AdditionalPropertiesDictionary
        {
            [AgentContext.OptionsKey] = new AgentContext(Today, "America/New_York", language, Accounts, page) { Attachments = attachments ?? [] },
        },
    };

    /// <summary>"campaign:501" is the page of campaign 501; empty is a page about no entity; attachments ("image:12", "link:…") are no page.</summary>
    public static AgentPage? Page(string page) =>
        Attached(page).Count == 0 && page.Split(':') is [var type, var id] ? new AgentPage($"/{type}s/{id}", type, long.Parse(id, System.Globalization.CultureInfo.InvariantCulture)) : null;

    /// <summary>"image:12" attaches the image uploaded as creative 12, "link:https://…" a link; several are separated by spaces.</summary>
    public static IReadOnlyList<AgentAttachment> Attached(string spec) =>
    [
        .. spec.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => a.Split(':', 2) switch
        {
            ["image", var id] => new AgentAttachment { Kind = "image", CreativeId = long.Parse(id, System.Globalization.CultureInfo.InvariantCulture) },
            ["link", var url] => new AgentAttachment { Kind = "link", Url = url },
            _ => null,
        }).OfType<AgentAttachment>(),
    ];

    public async Task<ChatResponse> AskAsync(string text, AgentPage? page = null, IReadOnlyList<AgentAttachment>? attachments = null)
    {
        Options = For(page, attachments: attachments);
        Messages.Add(new ChatMessage(ChatRole.User, text));
        return await NextAsync();
    }

    public async Task<ChatResponse> NextAsync()
    {
        var response = await Client.GetResponseAsync(Messages, Options);
        Messages.AddRange(response.Messages);
        return response;
    }

    /// <summary>Answers the last round's calls with <paramref name="answer"/> (a result object, or a JsonElement) and asks for the next round.</summary>
    public async Task<ChatResponse> ReplyAsync(Func<FunctionCallContent, object> answer)
    {
        var calls = Messages[^1].Contents.OfType<FunctionCallContent>().ToList();
        Assert.NotEmpty(calls);
        Messages.Add(new ChatMessage(ChatRole.Tool, [.. calls.Select(c => (AIContent)new FunctionResultContent(c.CallId, Json(answer(c))))]));
        return await NextAsync();
    }

    public static JsonElement Json(object value) => value as JsonElement? ?? JsonSerializer.SerializeToElement(value, value.GetType(), McpJson.Options);

    public static IReadOnlyList<FunctionCallContent> Calls(ChatResponse response) => [.. response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>()];

    /// <summary>A call as text: tool(argument=value, …) with the arguments sorted, e.g. get_reports(from=2026-11-17, to=2026-11-17).</summary>
    public static string Key(FunctionCallContent call) =>
        $"{call.Name}({string.Join(", ", (call.Arguments ?? new Dictionary<string, object?>()).OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={ToolRun.Text(a.Value)}"))})";

    public static string Arg(FunctionCallContent call, string name) => ToolRun.Text(call.Arguments![name]);
}
