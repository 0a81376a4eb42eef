using AdPilot.Core.Common;
using AdPilot.Core.Credits;
using Microsoft.Extensions.Options;

namespace AdPilot.Web.Features.Agent;

/// <summary>
/// Warns once at startup when the configured model has no token rates in the credit config: every chat turn is then
/// refused (<see cref="Unpriced"/>), and the log should say why and what to do before users find out.
/// </summary>
internal sealed class AgentModelCheck(IOptions<AgentOptions> options, CreditConfigService configs, ILogger<AgentModelCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var model = options.Value.Model;
        try
        {
            var config = await configs.GetCurrentAsync(cancellationToken);
            if (!config.Settings.ModelRates.ContainsKey(model))
            {
                logger.LogWarning(
                    "Agent:Model {Model} has no token rates in credit config version {Version}, so every chat turn is refused. Add its rates in Admin > Credit config (model rates), or set Agent:Model to a priced model: {Priced}.",
                    model, config.Version, string.Join(", ", config.Settings.ModelRates.Keys.Order()));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not check that Agent:Model {Model} is priced in the credit config", model);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Why a turn is refused when the model has no rates: the operator's fix, in the words of the Admin page.</summary>
    public static ValidationFailedException Unpriced(string model)
    {
        var message = $"The AI model '{model}' has no credit rates, so chat is unavailable. An admin adds its rates in Admin > Credit config (model rates).";
        return new ValidationFailedException(new Dictionary<string, string[]> { ["model"] = [message] }, message);
    }
}
