using AdPilot.Web.Features.Identity;
using AdPilot.Web.Hosting;
using Hangfire;
using Hangfire.Redis.StackExchange;
using StackExchange.Redis;

namespace AdPilot.Web.Features.Jobs;

/// <summary>Hangfire: in-memory storage by default, Redis storage when Redis is configured (shared by every node).</summary>
internal static class JobsSetup
{
    public static void AddJobs(this WebApplicationBuilder builder)
    {
        var redis = builder.Configuration.RedisConnectionString();
        builder.Services.AddHangfire((sp, config) =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (redis is null)
            {
                config.UseInMemoryStorage();
            }
            else
            {
                config.UseRedisStorage(sp.GetRequiredService<IConnectionMultiplexer>(), new RedisStorageOptions { Prefix = "adpilot:hangfire:" });
            }
        });
        builder.Services.AddHangfireServer(o => o.WorkerCount = Math.Max(2, Environment.ProcessorCount));
    }

    /// <summary>The dashboard sits behind the Admin policy; Hangfire's own local-only filter is replaced by it.</summary>
    public static void MapJobsDashboard(this IEndpointRouteBuilder app) =>
        app.MapHangfireDashboard("/admin/jobs", new DashboardOptions { Authorization = [], DashboardTitle = "AdPilot jobs", AppPath = "/" })
            .RequireAuthorization(Policies.Admin);
}
