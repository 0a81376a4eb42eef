using AdPilot.Core.Reports;
using AdPilot.Web.Features.Agent;
using Microsoft.Extensions.AI;
using static AdPilot.Web.Tests.Agent.Offline.OfflineResults;

namespace AdPilot.Web.Tests.Agent.Offline;

/// <summary>The chat client contract: streaming matches the plain response, the same input gives the same output, usage follows the tokenizer rule.</summary>
public sealed class OfflineChatClientTests
{
    [Theory]
    [InlineData("tell me a joke")]
    [InlineData("你好")]
    [InlineData("compare last week with the week before")]
    public async Task Streaming_PiecesJoinToTheResponseText_CallsInOneUpdate_UsageLast(string question)
    {
        var agent = new OfflineHarness();
        agent.Messages.Add(new ChatMessage(ChatRole.User, question));
        if (question.StartsWith("compare", StringComparison.Ordinal))
        {
            await agent.NextAsync();
            agent.Messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent("call_1", OfflineHarness.Json(Summary(new DateOnly(2026, 11, 9),
                Totals(700m, 70_000, 1400, 70, 2100m), Totals(500m, 60_000, 1000, 40, 1000m))))]));
        }

        var response = await agent.Client.GetResponseAsync(agent.Messages, agent.Options);
        var updates = await agent.Client.GetStreamingResponseAsync(agent.Messages, agent.Options).ToListAsync();

        Assert.True(updates.Count(u => u.Text.Length > 0) > 3, "the answer streams in several pieces");
        Assert.Equal(response.Text, string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(response.Text, updates.ToChatResponse().Text);
        var usage = Assert.IsType<UsageContent>(Assert.Single(updates[^1].Contents)).Details;
        Assert.Equal((response.Usage!.InputTokenCount, response.Usage.OutputTokenCount), (usage.InputTokenCount, usage.OutputTokenCount));
        Assert.All(updates, u => Assert.Equal("offline", u.ModelId));
    }

    [Fact]
    public async Task Streaming_ToolCallRound_OneUpdateWithTheCalls_ThenUsage()
    {
        var agent = new OfflineHarness();
        agent.Messages.Add(new ChatMessage(ChatRole.User, "compare this week with last week"));

        var updates = await agent.Client.GetStreamingResponseAsync(agent.Messages, agent.Options).ToListAsync();

        Assert.Equal(2, updates.Count);
        Assert.Equal(["call_1", "call_2"], updates[0].Contents.OfType<FunctionCallContent>().Select(c => c.CallId));
        Assert.IsType<UsageContent>(Assert.Single(updates[1].Contents));
        Assert.Equal(ChatFinishReason.ToolCalls, updates[^1].FinishReason);
    }

    [Fact]
    public async Task SameInput_SameOutput()
    {
        async Task<(string, string, long?, long?)> RunAsync()
        {
            var agent = new OfflineHarness();
            await agent.AskAsync("pause the three worst ad sets on Meta");
            await agent.ReplyAsync(_ => Breakdown("ad_set", Row("ad_set", 201, "Broad", 300m, 0), Row("ad_set", 202, "Lookalike", 200m, 4),
                Row("ad_set", 203, "Interests", 100m, 5), Row("ad_set", 204, "Visitors", 90m, 9)));
            var final = await agent.ReplyAsync(c => Proposed(c, "Pause"));
            var calls = string.Join(" ; ", agent.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Select(c => c.CallId + " " + OfflineHarness.Key(c)));
            return (final.Text, calls, final.Usage!.InputTokenCount, final.Usage.OutputTokenCount);
        }

        Assert.Equal(await RunAsync(), await RunAsync());
    }

    [Fact]
    public async Task Usage_CountsInputMessagesAndToolResults_AndTheAnswer_ByTheTokenizerRule()
    {
        var agent = new OfflineHarness();
        var first = await agent.AskAsync("积分余额");
        Assert.Equal(AgentTokens.Count("You are AdPilot's assistant.") + AgentTokens.Count("积分余额"), first.Usage!.InputTokenCount);
        Assert.Equal(AgentTokens.Count("get_credit_balance{}"), first.Usage.OutputTokenCount);

        var result = OfflineHarness.Json(new AdPilot.Core.Credits.CreditBalanceView(42.5m, 10m, 32.5m, 20m, 5m, "ok"));
        var final = await agent.ReplyAsync(_ => result);

        Assert.Contains("42.5 积分", final.Text, StringComparison.Ordinal);
        Assert.Equal(first.Usage.InputTokenCount + first.Usage.OutputTokenCount + AgentTokens.Count(result.GetRawText()), final.Usage!.InputTokenCount);
        Assert.Equal(AgentTokens.Count(final.Text), final.Usage.OutputTokenCount);
        Assert.Equal("offline", final.ModelId);
    }

    [Fact]
    public async Task WithoutAgentContext_UsesTheClockAndEnglish()
    {
        var client = new OfflineHarness().Client;

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "performance yesterday")]);

        Assert.Equal("get_reports(from=2026-11-17, to=2026-11-17)", OfflineHarness.Key(Assert.Single(OfflineHarness.Calls(response))));
        Assert.Same(client, client.GetService(typeof(IChatClient)));
        Assert.Equal("offline", client.GetService<ChatClientMetadata>()!.DefaultModelId);
    }
}
