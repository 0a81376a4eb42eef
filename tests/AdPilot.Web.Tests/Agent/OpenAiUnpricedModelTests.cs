using AdPilot.Core.Common;
using AdPilot.Core.Agent;
using AdPilot.Web.Features.Agent;
using AdPilot.Web.Tests.Support;

namespace AdPilot.Web.Tests.Agent;

/// <summary>Agent:Model names a model the credit config does not price: the start log says so once, and every turn is refused saying where to add its rates.</summary>
public sealed class OpenAiUnpricedModelTests(OpenAiUnpricedModelTests.Host host) : IClassFixture<OpenAiUnpricedModelTests.Host>
{
    private const string UnpricedModel = "gpt-unpriced-test";

    [Fact]
    public async Task StartAsync_ModelWithoutRates_IsRefusedSayingWhereToAddThemAndTheStartLogWarnedOnce()
    {
        var user = await host.App.SignInAsync("openai-unpriced@example.com");
        var principal = await host.PrincipalAsync(user.Id);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => host.Agent.StartAsync(principal, new AgentTurnRequest { Text = "hello" }));
        await Assert.ThrowsAsync<ValidationFailedException>(() => host.Agent.StartAsync(principal, new AgentTurnRequest { Text = "hello again" }));

        Assert.Equal("validation_failed", refused.Code);
        Assert.Contains($"'{UnpricedModel}'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Admin > Credit config", refused.Message, StringComparison.Ordinal);
        Assert.Equal(refused.Message, Assert.Single(refused.Errors["model"]));
        Assert.Empty(host.Provider.Chats);
        Assert.Equal(0, (await host.Get<ConversationService>().ListAsync(user.Id, new ConversationQuery())).Total);
        var warning = Assert.Single(host.Logs.Lines, l => l.Contains("has no token rates", StringComparison.Ordinal));
        Assert.StartsWith("Warning ", warning, StringComparison.Ordinal);
        Assert.Contains(UnpricedModel, warning, StringComparison.Ordinal);
        Assert.Contains("Admin > Credit config", warning, StringComparison.Ordinal);
    }

    public sealed class Host : OpenAiAgentHost
    {
        protected override void Configure(Dictionary<string, string?> settings) => settings["Agent:Model"] = UnpricedModel;
    }
}
