using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AdPilot.Web.Hosting;

/// <summary>Redis when <c>ConnectionStrings:Redis</c> is set; in-process equivalents otherwise.</summary>
internal static class RedisHosting
{
    /// <summary>Default for <c>Redis:TimeoutMilliseconds</c>: how long a Redis command on the request path may wait.</summary>
    public const int DefaultTimeoutMilliseconds = 1000;

    public static string? RedisConnectionString(this IConfiguration configuration) =>
        configuration.GetConnectionString("Redis") is { Length: > 0 } cs ? cs : null;

    /// <summary>
    /// Settings for every Redis connection of the host (cache, jobs, SignalR backplane): never fail the start, and fail
    /// commands at once while disconnected instead of queueing them until the timeout (the old 6 s per request), so a
    /// stopped Redis costs a request nothing. The multiplexer keeps reconnecting in the background.
    /// </summary>
    public static void ApplyOutageSettings(this ConfigurationOptions options)
    {
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ConnectRetry = 1;
        // Reconnect soon after Redis returns (the default backs off to tens of seconds), at most every 5 s while it stays away.
        options.ReconnectRetryPolicy = new ExponentialRetry(250, 5000);
    }

    public static void AddCacheAndKeys(this WebApplicationBuilder builder, AppPaths paths)
    {
        builder.AddDataProtectionKeys(paths);
        var redis = builder.Configuration.RedisConnectionString();
        if (redis is null)
        {
            builder.Services.AddDistributedMemoryCache();
            return;
        }

        var redisOptions = ConfigurationOptions.Parse(redis);
        redisOptions.ApplyOutageSettings();
        // The request path's connection (cache, session revocations, rate counts) also bounds each command, for a Redis
        // that is reachable but not answering (a partition without a reset).
        var timeout = builder.Configuration.GetValue("Redis:TimeoutMilliseconds", DefaultTimeoutMilliseconds);
        redisOptions.ConnectTimeout = Math.Max(timeout, 1000);
        redisOptions.SyncTimeout = timeout;
        redisOptions.AsyncTimeout = timeout;
        var multiplexer = new Lazy<IConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(redisOptions));
        builder.Services.AddSingleton(_ => multiplexer.Value);
        builder.Services.AddSingleton(sp => new FallbackDistributedCache(
            new RedisCache(Options.Create(new RedisCacheOptions
            {
                ConnectionMultiplexerFactory = () => Task.FromResult(multiplexer.Value),
                InstanceName = "adpilot:",
            })),
            new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())),
            sp.GetRequiredService<ILogger<FallbackDistributedCache>>()));
        builder.Services.AddSingleton<IDistributedCache>(sp => sp.GetRequiredService<FallbackDistributedCache>());
        builder.Services.AddHostedService<RedisSessionRevocationBus.Subscriber>();
        builder.Services.AddSingleton<AdPilot.Core.Identity.ISessionRevocationBus, RedisSessionRevocationBus>();
    }
}
