using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace AdPilot.Web.Features.Agent;

/// <summary>
/// The agent's model on any OpenAI-compatible chat-completions endpoint (docs/decisions/027): OpenAI, Azure OpenAI's v1
/// endpoint, a local llama.cpp or vLLM server. The SDK's pipeline retries what is worth retrying (<see cref="ProviderRetryPolicy"/>, <see cref="AgentOptions.MaxRetries"/>)
/// and gives up on a silent connection (<see cref="AgentOptions.NetworkTimeoutSeconds"/>); it logs through the app's logging
/// with headers redacted (the key travels in Authorization, which the SDK never logs) and never the prompts or answers;
/// requests go out as compact JSON (<see cref="CompactJsonPolicy"/>).
/// </summary>
internal static class OpenAiModel
{
    /// <summary>Prefixed to the SDK's own User-Agent, so a provider's logs tell AdPilot's calls apart.</summary>
    public const string ApplicationId = "AdPilot";

    public static IChatClient Create(AgentOptions options, ILoggerFactory loggerFactory)
    {
        var client = new OpenAIClientOptions
        {
            Endpoint = options.BaseUrl,
            RetryPolicy = new ProviderRetryPolicy(options.MaxRetries, loggerFactory),
            NetworkTimeout = TimeSpan.FromSeconds(options.NetworkTimeoutSeconds),
            UserAgentApplicationId = ApplicationId,
            ClientLoggingOptions = new ClientLoggingOptions { LoggerFactory = loggerFactory, EnableMessageContentLogging = false },
        };
        client.AddPolicy(new CompactJsonPolicy(), PipelinePosition.PerCall);
        return new ChatClient(options.Model, new ApiKeyCredential(options.ApiKey!), client).AsIChatClient();
    }
}
