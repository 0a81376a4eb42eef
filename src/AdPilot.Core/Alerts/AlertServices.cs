using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.Core.Alerts;

public static class AlertServices
{
    /// <summary>The alert channel services; the host adds the options, the SSRF guard's resolver and the delivery queue.</summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddSingleton<AlertSender>();
        services.AddSingleton<AlertUrls>();
        services.AddSingleton<AlertChannelService>();
        services.AddSingleton<AlertDispatcher>();
        services.AddSingleton<IExternalAlerts, AlertRouter>();
        return services;
    }
}
