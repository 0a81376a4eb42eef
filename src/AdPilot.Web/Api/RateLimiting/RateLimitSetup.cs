using AdPilot.Web.Hosting;
using StackExchange.Redis;

namespace AdPilot.Web.Api.RateLimiting;

internal static class RateLimitSetup
{
    public static void AddApiRateLimit(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().Bind(builder.Configuration.GetSection(RateLimitOptions.Section)).ValidatePlainly().ValidateOnStart();
        if (builder.Configuration.RedisConnectionString() is null)
        {
            builder.Services.AddSingleton<IRateCounter, InMemoryRateCounter>();
        }
        else
        {
            builder.Services.AddSingleton<IRateCounter>(sp => new RedisRateCounter(sp.GetRequiredService<IConnectionMultiplexer>()));
        }
    }
}
