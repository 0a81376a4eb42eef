using AdPilot.Core.AdAccounts;
using AdPilot.Core.Billing;
using AdPilot.Core.Campaigns;
using AdPilot.Core.Creatives;
using AdPilot.Core.Credits;
using AdPilot.Core.Identity;
using AdPilot.Core.LandingPages;
using AdPilot.Core.Notifications;
using AdPilot.Core.Reports;
using AdPilot.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<Identity.Sessions.UserSession> UserSessions => Set<Identity.Sessions.UserSession>();
    public DbSet<AdAccount> AdAccounts => Set<AdAccount>();
    public DbSet<Creative> Creatives => Set<Creative>();
    public DbSet<CreativeTag> CreativeTags => Set<CreativeTag>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<AdSet> AdSets => Set<AdSet>();
    public DbSet<Ad> Ads => Set<Ad>();
    public DbSet<LandingPage> LandingPages => Set<LandingPage>();
    public DbSet<LandingPageVersion> LandingPageVersions => Set<LandingPageVersion>();
    public DbSet<LandingPageLead> LandingPageLeads => Set<LandingPageLead>();
    public DbSet<LandingPageDailyStat> LandingPageDailyStats => Set<LandingPageDailyStat>();
    public DbSet<ReportMetric> ReportMetrics => Set<ReportMetric>();
    public DbSet<ReportArchivedMetric> ReportArchivedMetrics => Set<ReportArchivedMetric>();
    public DbSet<ReportCampaignDay> ReportCampaignDays => Set<ReportCampaignDay>();
    public DbSet<ReportCampaignWeek> ReportCampaignWeeks => Set<ReportCampaignWeek>();
    public DbSet<ReportAccountDay> ReportAccountDays => Set<ReportAccountDay>();
    public DbSet<CreditBalance> CreditBalances => Set<CreditBalance>();
    public DbSet<CreditTransaction> CreditTransactions => Set<CreditTransaction>();
    public DbSet<CreditConfig> CreditConfigs => Set<CreditConfig>();
    public DbSet<CreditConfigChange> CreditConfigChanges => Set<CreditConfigChange>();
    public DbSet<RechargeOrder> RechargeOrders => Set<RechargeOrder>();
    public DbSet<PaymentEvent> PaymentEvents => Set<PaymentEvent>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();
    public DbSet<Actions.ActionLogEntry> ActionLog => Set<Actions.ActionLogEntry>();
    public DbSet<Agent.Conversation> Conversations => Set<Agent.Conversation>();
    public DbSet<Agent.ConversationMessage> ConversationMessages => Set<Agent.ConversationMessage>();
    public DbSet<Agent.AgentAction> AgentActions => Set<Agent.AgentAction>();
    public DbSet<Anomalies.Anomaly> Anomalies => Set<Anomalies.Anomaly>();
    public DbSet<Export.DataExport> DataExports => Set<Export.DataExport>();
    public DbSet<AccountDeletion.StorageDeletion> StorageDeletions => Set<AccountDeletion.StorageDeletion>();
    public DbSet<AccountDeletion.RetainedCreditTransaction> RetainedCreditTransactions => Set<AccountDeletion.RetainedCreditTransaction>();
    public DbSet<AccountDeletion.RetainedRechargeOrder> RetainedRechargeOrders => Set<AccountDeletion.RetainedRechargeOrder>();
    public DbSet<Anomalies.AnomalyMute> AnomalyMutes => Set<Anomalies.AnomalyMute>();
    public DbSet<Automation.AutomationRule> AutomationRules => Set<Automation.AutomationRule>();
    public DbSet<Automation.AutomationRuleRun> AutomationRuleRuns => Set<Automation.AutomationRuleRun>();
    public DbSet<Alerts.AlertChannel> AlertChannels => Set<Alerts.AlertChannel>();
    public DbSet<Alerts.AlertDelivery> AlertDeliveries => Set<Alerts.AlertDelivery>();
    public DbSet<DailyReports.DailyReportSend> DailyReportSends => Set<DailyReports.DailyReportSend>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        if (Database.IsMySql())
        {
            modelBuilder.HasCharSet("utf8mb4");
        }

        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        OpenIddictModel.Configure(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(MoneyPrecision.Precision, MoneyPrecision.Scale);
        configurationBuilder.Properties<decimal?>().HavePrecision(MoneyPrecision.Precision, MoneyPrecision.Scale);
        if (Database.IsSqlite())
        {
            // SQLite has no exact decimal type: store fixed-point integers so sums and conditional updates stay exact.
            configurationBuilder.Properties<decimal>().HaveConversion<FixedPointDecimalConverter>();
            configurationBuilder.Properties<decimal?>().HaveConversion<FixedPointDecimalConverter>();
        }
    }
}
