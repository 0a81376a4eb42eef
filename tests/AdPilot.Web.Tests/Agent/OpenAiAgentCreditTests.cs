using AdPilot.Core.Credits;
using AdPilot.Core.Notifications;
using AdPilot.Web.Tests.Fakes;
using AdPilot.Web.Tests.Support;

namespace AdPilot.Web.Tests.Agent;

/// <summary>
/// Credits through real use of a model on an OpenAI-compatible endpoint: each turn is one entry in the credit history with
/// its model and the provider's token counts, priced at the config version in force (P10), and turns that take the
/// balance below the thresholds raise the low and critical notifications.
/// </summary>
public sealed class OpenAiAgentCreditTests(OpenAiAgentHost host) : IClassFixture<OpenAiAgentHost>
{
    [Fact]
    public async Task RunAsync_CreditConfigChangedBetweenTurns_EachTurnKeepsTheRatesItWasChargedAt()
    {
        var user = await host.App.SignInAsync("openai-p10@example.com");
        var admin = await host.App.SignInAsync("openai-p10-admin@example.com");
        var configs = host.Get<CreditConfigService>();
        var original = await configs.GetCurrentAsync();
        host.Provider.Script(OpenAiReply.Text("First answer.", new OpenAiUsage(4_000, 300)));
        await host.TurnAsync(user.Id, "first question");

        var raised = original.Settings with
        {
            OperationRates = new(original.Settings.OperationRates) { ["chat_message"] = 0.75m },
            ModelRates = new(original.Settings.ModelRates) { [OpenAiAgentHost.Model] = new ModelRate(0.3m, 1.2m) },
        };
        var next = await configs.UpdateAsync(admin.Id, admin.Email, raised);
        try
        {
            host.Provider.Script(OpenAiReply.Text("Second answer.", new OpenAiUsage(4_000, 300)));
            await host.TurnAsync(user.Id, "second question");

            var charges = await host.ChatChargesAsync(user.Id);
            Assert.Equal(2, charges.Count);
            Assert.Equal((original.Version, 0.5m, 0.15m, 0.6m, -OpenAiAgentHost.Price(original.Settings, 4_000, 300)),
                (charges[0].ConfigVersion, charges[0].OperationRate, charges[0].InputRatePer1K, charges[0].OutputRatePer1K, charges[0].Amount));
            Assert.Equal((next.Version, 0.75m, 0.3m, 1.2m, -OpenAiAgentHost.Price(raised, 4_000, 300)),
                (charges[1].ConfigVersion, charges[1].OperationRate, charges[1].InputRatePer1K, charges[1].OutputRatePer1K, charges[1].Amount));
            Assert.Equal(-1.28m, charges[0].Amount); // 0.5 + 4,000 × 0.15/1K + 300 × 0.6/1K
            Assert.Equal(-2.31m, charges[1].Amount); // 0.75 + 4,000 × 0.3/1K + 300 × 1.2/1K
            Assert.All(charges, c => Assert.Equal((OpenAiAgentHost.Model, 4_000, 300), (c.Model, c.InputTokens, c.OutputTokens)));
        }
        finally
        {
            await configs.UpdateAsync(admin.Id, admin.Email, original.Settings);
        }
    }

    [Fact]
    public async Task RunAsync_TurnsTakeTheBalanceBelowTheThresholds_RaiseTheLowThenTheCriticalNotification()
    {
        var user = await host.App.SignInAsync("openai-alerts@example.com");
        var config = (await host.Get<CreditConfigService>().GetCurrentAsync()).Settings;
        var balance = await host.Get<CreditService>().GetBalanceAsync(user.Id);
        Assert.Equal("ok", balance.Level);

        // Each turn reports enough input tokens to cost just over what takes the balance one credit below the next threshold.
        host.Provider.Script(OpenAiReply.Text("A long analysis.", new OpenAiUsage(TokensCosting(config, balance.Total - balance.LowBalanceThreshold + 1m), 10)));
        await host.TurnAsync(user.Id, "analyse everything");
        Assert.Equal("low", (await host.Get<CreditService>().GetBalanceAsync(user.Id)).Level);
        Assert.Single(await NotificationsAsync(user.Id, NotificationCategories.CreditLow));
        Assert.Empty(await NotificationsAsync(user.Id, NotificationCategories.CreditCritical));

        var afterFirst = await host.BalanceAsync(user.Id);
        host.Provider.Script(OpenAiReply.Text("Another long analysis.", new OpenAiUsage(TokensCosting(config, afterFirst - balance.CriticalBalanceThreshold + 1m), 10)));
        await host.TurnAsync(user.Id, "analyse everything again");

        Assert.Equal("critical", (await host.Get<CreditService>().GetBalanceAsync(user.Id)).Level);
        var critical = Assert.Single(await NotificationsAsync(user.Id, NotificationCategories.CreditCritical));
        Assert.Equal((NotificationType.Urgent, "/billing"), (critical.Type, critical.Link));
        var low = Assert.Single(await NotificationsAsync(user.Id, NotificationCategories.CreditLow));
        Assert.Equal(NotificationType.Important, low.Type);
        Assert.Equal(2, (await host.ChatChargesAsync(user.Id)).Count);
    }

    /// <summary>Input tokens that make a chat turn cost at least <paramref name="credits"/> (10 output tokens on top).</summary>
    private static int TokensCosting(CreditSettings settings, decimal credits)
    {
        var rate = settings.ModelRates[OpenAiAgentHost.Model];
        return (int)Math.Ceiling((credits - settings.OperationRates["chat_message"]) * 1000m / rate.InputPer1K);
    }

    private async Task<IReadOnlyList<NotificationView>> NotificationsAsync(long userId, string category) =>
        (await host.Get<NotificationService>().ListAsync(userId, new NotificationQuery { Category = category })).Items;
}
