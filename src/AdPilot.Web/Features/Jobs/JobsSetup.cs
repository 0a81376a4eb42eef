using AdPilot.Core.Actions;
using AdPilot.Core.AdAccounts;
using AdPilot.Core.Anomalies;
using AdPilot.Core.Creatives;
using AdPilot.Core.Export;
using AdPilot.Core.Notifications;
using AdPilot.Core.Reports;
using AdPilot.Web.Features.Identity;
using AdPilot.Web.Hosting;
using Hangfire;
using Hangfire.Common;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.Redis.StackExchange;
using StackExchange.Redis;

namespace AdPilot.Web.Features.Jobs;

/// <summary>Hangfire: in-memory storage by default, Redis storage when Redis is configured (shared by every node).</summary>
internal static class JobsSetup
{
    /// <summary>DI key of the job storage's own Redis connection.</summary>
    public const string RedisKey = "jobs";

    public static void AddJobs(this WebApplicationBuilder builder)
    {
        var redis = builder.Configuration.RedisConnectionString();
        // Nodes of one deployment share the prefix (and so the queues); separate deployments on one Redis must not.
        var prefix = builder.Configuration["Jobs:RedisPrefix"] is { Length: > 0 } p ? p : "adpilot:hangfire:";
        // The storage is a DI singleton rather than Hangfire's static JobStorage.Current, so each host (and each
        // test host in one process) has its own; AddHangfire only registers its own when none is present.
        // Its own Redis connection with the client's default timeouts: the dashboard and the job server make bursts of
        // synchronous calls that the request path's short timeouts would fail on a busy host; outages still fail fast.
        if (redis is not null)
        {
            builder.Services.AddKeyedSingleton<IConnectionMultiplexer>(RedisKey, (_, _) => JobsConnection(redis));
        }

        builder.Services.AddSingleton<JobStorage>(sp => redis is null
            ? new InMemoryStorage()
            : new RedisStorage(sp.GetRequiredKeyedService<IConnectionMultiplexer>(RedisKey), new RedisStorageOptions { Prefix = prefix }));
        // Hangfire registers its job activator as the static JobActivator.Current, which the last host to configure
        // Hangfire sets: with two hosts starting side by side in one process, jobs ran in the other host's container.
        // Each host activates its jobs from its own services.
        builder.Services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddHangfire((sp, config) => config
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        builder.Services.AddHangfireServer((sp, o) => (o.WorkerCount, o.FilterProvider) = (Math.Max(2, Environment.ProcessorCount), JobFilters(sp)));
        builder.Services.AddOptions<RecurringScheduleOptions>().Bind(builder.Configuration.GetSection(RecurringScheduleOptions.Section)).ValidatePlainly().ValidateOnStart();
        builder.Services.AddHostedService<RecurringScheduleKeeper>();
    }

    /// <summary>Hangfire's global filters plus this host's own (its telemetry), without adding to the static collection.</summary>
    private static JobFilterProviderCollection JobFilters(IServiceProvider sp) =>
        new(JobFilterProviders.Providers, new JobFilterCollection
        {
            new JobTelemetryFilter(sp.GetRequiredService<AdPilot.Core.Common.AppMetrics>()),
            new Privacy.DeletedUserJobFilter(sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<AdPilot.Core.Data.AppDbContext>>()),
        });

    private static ConnectionMultiplexer JobsConnection(string redis)
    {
        var options = ConfigurationOptions.Parse(redis);
        options.ApplyOutageSettings();
        return ConnectionMultiplexer.Connect(options);
    }

    /// <summary>Recurring jobs; with shared storage every node agrees on one schedule. Kept applied by <see cref="RecurringScheduleKeeper"/>.</summary>
    public static void ApplyRecurringSchedule(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<NotificationService>("notifications:archive", s => s.ArchiveOldAsync(CancellationToken.None), Cron.Daily(3));
        jobs.AddOrUpdate<AdAccountService>("ad-accounts:refresh-tokens", s => s.RefreshExpiringAsync(CancellationToken.None), Cron.Daily(2));
        jobs.AddOrUpdate<ReportIngestion>("reports:sync", s => s.SyncAllAsync(CancellationToken.None), "0 */6 * * *");
        jobs.AddOrUpdate<ReportService>("reports:archive", s => s.ArchiveAsync(CancellationToken.None), Cron.Daily(4));
        jobs.AddOrUpdate<ActionEffects>("actions:measure-effects", s => s.MeasureDueAsync(CancellationToken.None), "20 * * * *");
        jobs.AddOrUpdate<AnomalyService>("anomalies:detect", s => s.RunAsync(CancellationToken.None), "15 * * * *");
        jobs.AddOrUpdate<AdPilot.Core.Automation.AutomationRuleService>("rules:run-due", s => s.RunDueAsync(CancellationToken.None), "2 * * * *");
        jobs.AddOrUpdate<AdPilot.Core.DailyReports.DailyReportJob>("reports:daily", s => s.RunAsync(CancellationToken.None), "*/15 * * * *");
        jobs.AddOrUpdate<AbandonedUploads>("creatives:delete-abandoned-uploads", s => s.DeleteAsync(CancellationToken.None), Cron.Hourly());
        jobs.AddOrUpdate<DataExportService>("exports:delete-expired", s => s.DeleteExpiredAsync(CancellationToken.None), "10 * * * *");
        jobs.AddOrUpdate<AdPilot.Core.AccountDeletion.StorageDeletionOutbox>("account-deletion:storage-outbox", s => s.DrainAsync(CancellationToken.None), Cron.Minutely());
        jobs.AddOrUpdate<AdPilot.Core.AccountDeletion.AccountDeletionService>("account-deletion:purge-retained", s => s.PurgeExpiredRetainedAsync(CancellationToken.None), Cron.Daily(5));
    }

    /// <summary>The dashboard sits behind the Admin policy; Hangfire's own local-only filter is replaced by it.</summary>
    public static void MapJobsDashboard(this IEndpointRouteBuilder app) =>
        app.MapHangfireDashboard("/admin/jobs", new DashboardOptions { Authorization = [], DashboardTitle = "AdPilot jobs", AppPath = "/" })
            .RequireAuthorization(Policies.Admin);
}
