using Microsoft.Extensions.AI;

namespace AdPilot.Web.Features.Agent;

/// <summary>The agent: its options, its model (offline by default; any OpenAI-compatible endpoint by configuration) and its services.</summary>
internal static class AgentSetup
{
    /// <summary>The keyed <see cref="IChatClient"/> the agent talks to (tests put a scripted one here).</summary>
    public const string ModelKey = "agent-model";

    public static void AddAgent(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AgentOptions>()
            .Bind(builder.Configuration.GetSection(AgentOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.Provider != AgentOptions.OpenAi || (o.BaseUrl is { IsAbsoluteUri: true, Scheme: "https" or "http" } && !string.IsNullOrWhiteSpace(o.ApiKey) && o.Model != AgentOptions.Offline),
                "Agent:Provider openai needs Agent:BaseUrl (an absolute URL such as https://api.openai.com/v1), Agent:ApiKey and Agent:Model (the model's name, priced in the credit config).")
            .ValidateOnStart();
        services.AddKeyedSingleton<IChatClient>(ModelKey, (sp, _) =>
        {
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<AgentOptions>>().Value;
            return options.Provider == AgentOptions.OpenAi
                ? OpenAiModel.Create(options, sp.GetRequiredService<ILoggerFactory>())
                : new Offline.OfflineChatClient(sp.GetRequiredService<TimeProvider>());
        });
        services.AddHostedService<AgentModelCheck>();
        services.AddSingleton<AgentToolbox>();
        services.AddSingleton<AgentActions>();
        services.AddSingleton<AgentContextBuilder>();
        services.AddSingleton<AgentTurnSlots>();
        services.AddSingleton<AgentMetrics>();
        services.AddSingleton<AgentService>();
        services.AddChatTransports(builder.Configuration);
    }
}
