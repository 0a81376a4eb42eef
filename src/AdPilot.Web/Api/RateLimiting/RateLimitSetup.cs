using AdPilot.Web.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AdPilot.Web.Api.RateLimiting;

internal static class RateLimitSetup
{
    public static void AddApiRateLimit(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().Bind(builder.Configuration.GetSection(RateLimitOptions.Section)).ValidatePlainly().ValidateOnStart();
        if (builder.Configuration.RedisConnectionString() is null)
        {
            builder.Services.AddSingleton<IRateCounter, LocalRateCounter>();
        }
        else
        {
            builder.Services.AddSingleton<IRateCounter>(sp => new FailOpenRateCounter(
                new RedisRateCounter(sp.GetRequiredService<IConnectionMultiplexer>()),
                new LocalRateCounter(),
                TimeSpan.FromMilliseconds(sp.GetRequiredService<IOptions<RateLimitOptions>>().Value.RedisTimeoutMilliseconds),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<FailOpenRateCounter>>()));
        }
    }

    /// <summary>Per-IP limits of sign-in endpoints, OAuth callbacks and presigned files; goes before authentication.</summary>
    public static IApplicationBuilder UsePerIpRateLimits(this IApplicationBuilder app) =>
        app.UseMiddleware<RateLimitMiddleware>((Func<HttpContext, RateLimitOptions, RateLimitRule?>)RateLimitRule.PerIp);

    /// <summary>The per-user API limit; goes after authentication.</summary>
    public static IApplicationBuilder UseApiRateLimit(this IApplicationBuilder app) =>
        app.UseMiddleware<RateLimitMiddleware>((Func<HttpContext, RateLimitOptions, RateLimitRule?>)RateLimitRule.PerUser);
}
