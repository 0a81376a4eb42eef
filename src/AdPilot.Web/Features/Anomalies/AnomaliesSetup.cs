using AdPilot.Core.Anomalies;
using AdPilot.Core.Platforms.Simulated;
using AdPilot.Web.Hosting;

namespace AdPilot.Web.Features.Anomalies;

internal static class AnomaliesSetup
{
    /// <summary>The detector's options (section <c>Anomalies</c>), the service, and the simulated platform's anomaly injection.</summary>
    public static void AddAnomalies(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AnomalyOptions>().Bind(builder.Configuration.GetSection(AnomalyOptions.Section))
            .ValidatePlainly()
            .Validate(o => o.ImportantAmount <= o.UrgentAmount, "Anomalies:ImportantAmount must not exceed Anomalies:UrgentAmount.")
            .ValidateOnStart();
        builder.Services.AddSingleton<AnomalyService>();
        builder.Services.AddSingleton<SimulatedAnomalies>();
        builder.Services.AddSingleton<AnomalyDemo>();
    }
}
