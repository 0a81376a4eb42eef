using System.Security.Claims;
using AdPilot.Core.Credits;
using AdPilot.Core.Users;
using AdPilot.Web.Features.Agent;
using AdPilot.Web.Features.Identity;
using AdPilot.Web.Tests.Fakes;
using AdPilot.Web.Tests.Support;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdPilot.Web.Tests.Agent;

/// <summary>
/// The app with <c>Agent:Provider=openai</c> pointed at a <see cref="FakeOpenAi"/> on a loopback port: the production
/// registration (the OpenAI SDK's chat client behind <c>Microsoft.Extensions.AI</c>) is what runs. Logs are kept at
/// Trace level so tests can look for secrets in them; no background jobs.
/// </summary>
public class OpenAiAgentHost : IAsyncLifetime
{
    public const string ApiKey = "sk-test-Fake0penAiKey9f3c2b71d4e8a6";
    public const string Model = "gpt-4o-mini";

    private AdPilotFactory _app = null!;

    public FakeOpenAi Provider { get; private set; } = null!;

    public CapturingLoggerProvider Logs { get; } = new();

    public AdPilotFactory App => _app;

    public AgentService Agent => _app.Services.GetRequiredService<AgentService>();

    public T Get<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>Settings on top of the provider's (a subclass changes the model, say).</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    public async Task InitializeAsync()
    {
        Provider = await FakeOpenAi.StartNewAsync(ApiKey);
        var settings = new Dictionary<string, string?>
        {
            ["Agent:Provider"] = "openai",
            ["Agent:BaseUrl"] = Provider.BaseUrl + "/v1",
            ["Agent:ApiKey"] = ApiKey,
            ["Agent:Model"] = Model,
            // One retry (a 5xx is retried once, then the turn fails), so the tests see the policy work without waiting on its back-off twice.
            ["Agent:MaxRetries"] = "1",
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:System.ClientModel"] = "Trace", // everything the OpenAI SDK can log, to look for secrets in it
        };
        Configure(settings);
        _app = AdPilotFactory.With(settings: settings, services: s =>
        {
            s.AddSingleton<IBackgroundJobClient, DroppedJobs>();
            s.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        });
        _ = _app.Services; // start the host now, so its startup log is in Logs before the first test
    }

    public async Task<ClaimsPrincipal> PrincipalAsync(long userId) =>
        (await _app.Services.GetRequiredService<UserService>().GetAsync(userId)).ToPrincipal("test");

    /// <summary>Runs one turn for the user to its end and returns its events.</summary>
    public async Task<(List<AgentEvent> Events, long ConversationId)> TurnAsync(long userId, string text, CancellationToken ct = default)
    {
        await using var turn = await Agent.StartAsync(await PrincipalAsync(userId), new AgentTurnRequest { Text = text }, CancellationToken.None);
        return (await AgentHost.CollectAsync(turn, ct), turn.ConversationId);
    }

    public async Task<decimal> BalanceAsync(long userId) => (await Get<CreditService>().GetBalanceAsync(userId)).Total;

    /// <summary>The user's chat charges in the credit history, oldest first.</summary>
    public async Task<List<CreditTransactionView>> ChatChargesAsync(long userId) =>
        (await Get<CreditService>().HistoryAsync(userId, new CreditHistoryQuery())).Items
            .Where(t => t.Operation == AgentService.ChatOperation).OrderBy(t => t.Id).ToList();

    /// <summary>What a chat turn on <see cref="Model"/> costs at these rates, worked out by hand: the operation's rate plus the tokens' cost, rounded up to the ledger's four decimals.</summary>
    public static decimal Price(CreditSettings settings, int inputTokens, int outputTokens)
    {
        var rate = settings.ModelRates[Model];
        var exact = settings.OperationRates[AgentService.ChatOperation] + (inputTokens * rate.InputPer1K + outputTokens * rate.OutputPer1K) / 1000m;
        return Math.Ceiling(exact * 10_000m) / 10_000m;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await Provider.DisposeAsync();
    }
}
