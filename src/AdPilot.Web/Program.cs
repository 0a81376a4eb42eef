using AdPilot.Core;
using AdPilot.Web.Api;
using AdPilot.Web.Api.RateLimiting;
using AdPilot.Web.Components;
using AdPilot.Web.Features.Actions;
using AdPilot.Web.Features.AdAccounts;
using AdPilot.Web.Features.Admin;
using AdPilot.Web.Features.Agent;
using AdPilot.Web.Features.Alerts;
using AdPilot.Web.Features.Anomalies;
using AdPilot.Web.Features.Automation;
using AdPilot.Web.Features.Billing;
using AdPilot.Web.Features.Campaigns;
using AdPilot.Web.Features.Chat;
using AdPilot.Web.Features.Creatives;
using AdPilot.Web.Features.Credits;
using AdPilot.Web.Features.DailyReports;
using AdPilot.Web.Features.Identity;
using AdPilot.Web.Features.Identity.Sessions;
using AdPilot.Web.Features.Jobs;
using AdPilot.Web.Features.LandingPages;
using AdPilot.Web.Features.Mcp;
using AdPilot.Web.Features.Notifications;
using AdPilot.Web.Features.OAuth;
using AdPilot.Web.Features.Platforms;
using AdPilot.Web.Features.Privacy;
using AdPilot.Web.Features.Reports;
using AdPilot.Web.Features.Users;
using AdPilot.Web.Features.WebPages;
using AdPilot.Web.Hosting;
using AdPilot.Web.Hosting.Security;
using Microsoft.Extensions.Options;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.WebHost.UseStaticWebAssets();
    var paths = new AppPaths(builder.Configuration, builder.Environment.ContentRootPath);
    builder.Services.AddSingleton(paths);
    builder.Services.AddSingleton(TimeProvider.System);
    builder.AddTelemetry();
    builder.AddAppDatabase(paths);
    builder.AddCacheAndKeys(paths);
    builder.Services.AddAdPilotCore();
    builder.AddIdentity(paths);
    builder.AddApi();
    builder.AddBrowserSecurity();
    builder.AddUi();
    builder.AddJobs();
    builder.AddBilling();
    builder.AddNotifications(paths);
    builder.AddAlertChannels();
    builder.AddRealAdPlatforms();
    builder.AddAdAccounts(paths);
    builder.AddCampaigns();
    builder.AddReports();
    builder.AddAnomalies();
    builder.AddCreatives(paths);
    builder.AddWebPages();
    builder.AddLandingPages();
    builder.AddOAuth();
    builder.AddMcp();
    builder.AddAgent();
    builder.AddChat();
    builder.AddDataExport();
    builder.AddAccountDeletion();

    var app = builder.Build();
    await app.Services.MigrateDatabaseAsync();
    await app.SeedDemoDataAsync();
    StartupBanner.PrintWhenStarted(app, paths);

    app.UseBrowserSecurity();
    app.UseExceptionHandler("/error", createScopeForErrors: true); // a fresh scope: a page that failed mid-render left its own initialised
    if (!app.Environment.IsDevelopment())
    {
        app.UseHsts();
    }

    app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
    app.UseWhen(c => !MachineEndpoints.Is(c.Request.Path), ui => ui.UseStatusCodePagesWithReExecute("/not-found"));
    app.UseRouting(); // after the status-code and exception re-execution, so /error and /not-found are routed again
    app.UseRequestLocalization();
    app.UsePerIpRateLimits();
    app.UseMcpTransportSecurity();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseWhen(c => c.Request.Path.StartsWithSegments("/mcp"), mcp => mcp.UseApiRateLimit());
    app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api
        .UseApiRateLimit()
        .UseMiddleware<ReadOnlyScopeMiddleware>()
        .UseMiddleware<RequestBodyLimitMiddleware>()
        .UseMiddleware<RequestCharsetMiddleware>());
    app.UseAntiforgery();

    app.MapStaticAssets();
    app.MapApiDocs();
    app.MapHealth();
    app.MapSignInEndpoints();
    app.MapAuthApi();
    app.MapUsersApi();
    app.MapDataExportApi();
    app.MapAvatars();
    app.MapAccessTokensApi();
    app.MapSessionsApi();
    app.MapCreditsApi();
    app.MapBillingApi();
    app.MapAdminCreditConfigApi();
    app.MapNotificationsApi();
    app.MapNotificationHub();
    app.MapAlertChannelsApi();
    app.MapAdAccountsApi();
    app.MapCampaignsApi();
    app.MapActionsApi();
    app.MapRulesApi();
    app.MapReportsApi();
    app.MapAnomaliesApi();
    app.MapDailyReportsApi();
    app.MapSimulatedConsent();
    app.MapCreatives();
    app.MapLandingPages();
    app.MapMcpServer();
    app.MapAgentApi();
    app.MapChatTransports();
    app.MapJobsDashboard();
    app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

    await app.RunAsync();
    return 0;
}
catch (OptionsValidationException ex)
{
    // A misconfiguration should say what to fix in one line, not a stack trace.
    await Console.Error.WriteLineAsync($"AdPilot cannot start: {string.Join(" ", ex.Failures)}");
    return 1;
}

/// <summary>Entry point; public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
