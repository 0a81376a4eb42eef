using AdPilot.Core.Reports;
using AdPilot.Web.Hosting;

namespace AdPilot.Web.Features.Reports;

internal static class ReportsSetup
{
    public static void AddReports(this WebApplicationBuilder builder) =>
        builder.Services.AddOptions<ReportOptions>().Bind(builder.Configuration.GetSection(ReportOptions.Section))
            .ValidatePlainly()
            .ValidateOnStart();
}
