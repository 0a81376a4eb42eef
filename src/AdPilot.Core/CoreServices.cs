using AdPilot.Core.Billing;
using AdPilot.Core.Credits;
using AdPilot.Core.Identity;
using AdPilot.Core.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AdPilot.Core;

public static class CoreServices
{
    /// <summary>Registers the feature services. The host registers the DbContext factory, options and infrastructure.</summary>
    public static IServiceCollection AddAdPilotCore(this IServiceCollection services)
    {
        services.TryAddSingleton<Common.AppMetrics>();
        services.AddSingleton<UserService>();
        services.AddSingleton<AvatarService>();
        services.AddMemoryCache();
        services.TryAddSingleton<ISessionRevocationBus, LocalSessionRevocationBus>();
        services.AddSingleton<SessionValidator>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<Identity.Sessions.UserSessionService>();
        services.AddSingleton<Identity.Sessions.SessionActivity>();
        services.AddSingleton<PersonalAccessTokenService>();
        services.AddSingleton<Actions.ActionLogService>();
        services.AddSingleton<Agent.ConversationService>();
        services.AddSingleton<Agent.AgentActionStore>();
        services.AddSingleton<CreditConfigService>();
        services.AddSingleton<CreditService>();
        services.AddSingleton<MeteredWork>();
        services.AddSingleton<IUserSignInHandler, SignupGift>();
        services.AddSingleton<BillingService>();
        services.AddSingleton<StripeWebhook>();
        services.AddSingleton<Notifications.NotificationService>();
        services.AddSingleton<Notifications.NotificationEmailDelivery>();
        services.AddSingleton<DailyReports.DailyReportService>();
        services.AddSingleton<DailyReports.DailyReportJob>();
        services.AddSingleton<Notifications.INotificationEmailComposer, DailyReports.DailyReportEmailComposer>();
        services.AddSingleton<IBalanceAlerts, Notifications.CreditBalanceNotifier>();
        services.AddSingleton<AdAccounts.AdPlatforms>();
        services.AddSingleton<AdAccounts.TokenVault>();
        services.AddSingleton<AdAccounts.OAuthStateStore>();
        services.AddSingleton<AdAccounts.AdAccountService>();
        services.AddSingleton<Campaigns.CampaignService>();
        services.AddSingleton<Campaigns.CampaignChanges>();
        services.AddSingleton<Reports.ReportService>();
        services.AddSingleton<Reports.ReportQueries>();
        services.AddSingleton<Reports.ReportRankings>();
        services.AddSingleton<Reports.ReportIngestion>();
        services.AddSingleton<Reports.ReportSuggestions>();
        services.AddSingleton<Reports.ReportAnalysis>();
        services.AddSingleton<Reports.ReportDemo>();
        services.AddSingleton<Campaigns.CampaignReverts>();
        services.AddSingleton<Actions.ActionUndo>();
        services.AddSingleton<Actions.ActionEffects>();
        services.AddSingleton<Actions.EffectEstimator>();
        services.AddSingleton<Automation.RulePlanner>();
        services.AddSingleton<Automation.RuleRunner>();
        services.AddSingleton<Automation.AutomationRuleService>();
        services.AddSingleton<LandingPages.LandingPageService>();
        services.AddSingleton<LandingPages.LandingPagePublisher>();
        services.AddSingleton<LandingPages.LandingPageTracking>();
        services.AddSingleton<LandingPages.LandingPageAdLinks>();
        services.AddSingleton<LandingPages.LandingPageReports>();
        services.AddSingleton<LandingPages.PageImageService>();
        services.AddSingleton<Export.DataExportService>();
        services.AddSingleton<AccountDeletion.AccountDeletionService>();
        services.AddSingleton<AccountDeletion.StorageDeletionOutbox>();
        Alerts.AlertServices.AddAlerts(services);
        return services;
    }
}
