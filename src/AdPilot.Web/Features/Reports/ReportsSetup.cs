using AdPilot.Core.Reports;
using AdPilot.Web.Hosting;

namespace AdPilot.Web.Features.Reports;

internal static class ReportsSetup
{
    public static void AddReports(this WebApplicationBuilder builder) =>
        builder.Services.AddOptions<ReportOptions>().Bind(builder.Configuration.GetSection(ReportOptions.Section))
            .ValidatePlainly()
            .ValidateOnStart();

    /// <summary><c>Demo:SeedYear=true</c>: seeds the demo user with a year of data once, after the migrations ran.</summary>
    public static async Task SeedDemoDataAsync(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>("Demo:SeedYear"))
        {
            var rows = await app.Services.GetRequiredService<ReportDemo>().SeedYearAsync();
            app.Logger.LogInformation("Demo data: {Rows} ad-day rows seeded for {Email}", rows, ReportDemo.Email);
        }
    }
}
