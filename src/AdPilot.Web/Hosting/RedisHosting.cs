using Microsoft.AspNetCore.DataProtection;
using StackExchange.Redis;

namespace AdPilot.Web.Hosting;

/// <summary>Redis when <c>ConnectionStrings:Redis</c> is set; in-process equivalents otherwise.</summary>
internal static class RedisHosting
{
    public static string? RedisConnectionString(this IConfiguration configuration) =>
        configuration.GetConnectionString("Redis") is { Length: > 0 } cs ? cs : null;

    public static void AddCacheAndKeys(this WebApplicationBuilder builder, AppPaths paths)
    {
        var redis = builder.Configuration.RedisConnectionString();
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("AdPilot");
        if (redis is null)
        {
            builder.Services.AddDistributedMemoryCache();
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(paths.Sub("keys")));
            return;
        }

        // Not failing on a slow first connect: the multiplexer keeps retrying in the background and commands wait for it,
        // so a busy start (or a Redis restart) costs latency, not a 500. /health/ready reports Redis while it is down.
        var redisOptions = ConfigurationOptions.Parse(redis);
        redisOptions.AbortOnConnectFail = false;
        var multiplexer = new Lazy<IConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(redisOptions));
        builder.Services.AddSingleton(_ => multiplexer.Value);
        builder.Services.AddStackExchangeRedisCache(o =>
        {
            o.ConnectionMultiplexerFactory = () => Task.FromResult(multiplexer.Value);
            o.InstanceName = "adpilot:";
        });
        dataProtection.PersistKeysToStackExchangeRedis(() => multiplexer.Value.GetDatabase(), "adpilot:dataprotection-keys");
    }
}
