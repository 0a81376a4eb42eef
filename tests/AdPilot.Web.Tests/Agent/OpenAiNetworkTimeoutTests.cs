using AdPilot.Web.Features.Agent;
using AdPilot.Web.Tests.Fakes;
using AdPilot.Web.Tests.Support;

namespace AdPilot.Web.Tests.Agent;

/// <summary>A provider that goes silent mid-answer is given up after Agent:NetworkTimeoutSeconds, not after the whole turn's time.</summary>
public sealed class OpenAiNetworkTimeoutTests(OpenAiNetworkTimeoutTests.Host host) : IClassFixture<OpenAiNetworkTimeoutTests.Host>
{
    [Fact]
    public async Task RunAsync_ProviderGoesSilent_FailsAfterTheNetworkTimeoutAndChargesNothing()
    {
        var user = await host.App.SignInAsync("openai-silent@example.com");
        var before = await host.BalanceAsync(user.Id);
        var stall = OpenAiReply.Stall();
        host.Provider.Script(stall);

        var (events, _) = await host.TurnAsync(user.Id, "hello");

        Assert.Equal("provider_error", Assert.IsType<TurnFailed>(events[^1]).Code); // not "timeout": the turn's own 60 s never ran out
        await stall.Ended.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(before, await host.BalanceAsync(user.Id));
        Assert.Empty(await host.ChatChargesAsync(user.Id));
    }

    public sealed class Host : OpenAiAgentHost
    {
        protected override void Configure(Dictionary<string, string?> settings)
        {
            settings["Agent:NetworkTimeoutSeconds"] = "1";
            settings["Agent:MaxRetries"] = "0";
        }
    }
}
