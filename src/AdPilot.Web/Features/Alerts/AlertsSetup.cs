using AdPilot.Core.Alerts;
using AdPilot.Web.Hosting;
using Hangfire;

namespace AdPilot.Web.Features.Alerts;

internal static class AlertsSetup
{
    /// <summary>Slack and webhook alert channels (section <c>Alerts</c>, ADR 040): deliveries are Hangfire jobs behind the SSRF guard.</summary>
    public static void AddAlertChannels(this WebApplicationBuilder builder)
    {
        builder.AddSafeFetch(); // the guard's resolver and its test-only allow-list
        builder.Services.AddOptions<AlertOptions>().Bind(builder.Configuration.GetSection(AlertOptions.Section)).ValidatePlainly().ValidateOnStart();
        builder.Services.AddSingleton<IAlertDeliveryQueue, HangfireAlertDeliveryQueue>();
        builder.Services.AddTransient<AlertDeliveryJob>();
    }
}

/// <summary>One attempt per job run; retries are scheduled by the dispatcher with its own backoff, not by Hangfire.</summary>
public sealed class AlertDeliveryJob(AlertDispatcher dispatcher)
{
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(long deliveryId, CancellationToken ct) => dispatcher.AttemptAsync(deliveryId, ct);
}

internal sealed class HangfireAlertDeliveryQueue(IBackgroundJobClient jobs) : IAlertDeliveryQueue
{
    public void Enqueue(long deliveryId) => jobs.Enqueue<AlertDeliveryJob>(j => j.RunAsync(deliveryId, CancellationToken.None));

    public void Schedule(long deliveryId, TimeSpan delay) => jobs.Schedule<AlertDeliveryJob>(j => j.RunAsync(deliveryId, CancellationToken.None), delay);
}
