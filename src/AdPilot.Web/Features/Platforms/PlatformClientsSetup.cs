using System.Net;
using AdPilot.Core.Common;
using AdPilot.Core.Platforms;
using AdPilot.Core.Platforms.GoogleAds;
using AdPilot.Core.Platforms.Meta;
using AdPilot.Core.Platforms.TikTok;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace AdPilot.Web.Features.Platforms;

/// <summary>The real Meta, TikTok and Google Ads clients behind one resilience pipeline each (docs/decisions/006).</summary>
public static class PlatformClientsSetup
{
    public static void AddRealAdPlatforms(this WebApplicationBuilder builder) => builder.Services.AddRealAdPlatforms(builder.Configuration);

    /// <summary>Binds and validates the three sections; each client is an <see cref="IAdPlatform"/> only when its credentials are set.</summary>
    public static IServiceCollection AddRealAdPlatforms(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<AppMetrics>();
        services.AddTransient<PlatformHttpLoggingHandler>();
        services.AddOptions<PlatformHttpOptions>().Bind(configuration.GetSection(PlatformHttpOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.RetryBaseDelay >= TimeSpan.Zero && o.AttemptTimeout > TimeSpan.Zero && o.TotalTimeout >= o.AttemptTimeout,
                "Platforms:Http timeouts must be positive and TotalTimeout at least AttemptTimeout.")
            .ValidateOnStart();
        services.AddOptions<MetaOptions>().Bind(configuration.GetSection(MetaOptions.Section))
            .Validate(o => o.BaseUrl.IsAbsoluteUri && o.GraphApiVersion.StartsWith('v'), "Platforms:Meta:BaseUrl must be absolute and GraphApiVersion like v26.0.")
            .ValidateOnStart();
        services.AddOptions<TikTokOptions>().Bind(configuration.GetSection(TikTokOptions.Section))
            .Validate(o => o.BaseUrl.IsAbsoluteUri, "Platforms:TikTok:BaseUrl must be absolute.")
            .ValidateOnStart();
        services.AddOptions<GoogleAdsOptions>().Bind(configuration.GetSection(GoogleAdsOptions.Section))
            .Validate(o => o.BaseUrl.IsAbsoluteUri && o.TokenUrl.IsAbsoluteUri && o.RevokeUrl.IsAbsoluteUri, "Platforms:GoogleAds URLs must be absolute.")
            .Validate(o => string.IsNullOrEmpty(o.LoginCustomerId) || o.LoginCustomerId.Replace("-", "", StringComparison.Ordinal).All(char.IsAsciiDigit),
                "Platforms:GoogleAds:LoginCustomerId must be a customer id (digits).")
            .ValidateOnStart();

        services.AddHostedService<PlatformVersionCheck>();
        services.AddPlatformClient<MetaAdsClient>("meta", "Meta", (response, o, _) => MetaErrors.ShouldRetryAsync(response, o));
        services.AddPlatformClient<TikTokAdsClient>("tiktok", "TikTok", (response, o, _) => TikTokErrors.ShouldRetryAsync(response, o));
        services.AddPlatformClient<GoogleAdsClient>("googleads", "Google Ads", GoogleAdsErrors.ShouldRetryAsync);

        if (configuration.GetSection(MetaOptions.Section).Get<MetaOptions>() is { IsConfigured: true })
        {
            services.AddTransient<IAdPlatform>(sp => sp.GetRequiredService<MetaAdsClient>());
        }

        if (configuration.GetSection(TikTokOptions.Section).Get<TikTokOptions>() is { IsConfigured: true })
        {
            services.AddTransient<IAdPlatform>(sp => sp.GetRequiredService<TikTokAdsClient>());
        }

        if (configuration.GetSection(GoogleAdsOptions.Section).Get<GoogleAdsOptions>() is { IsConfigured: true })
        {
            services.AddTransient<IAdPlatform>(sp => sp.GetRequiredService<GoogleAdsClient>());
        }

        return services;
    }

    private static void AddPlatformClient<TClient>(this IServiceCollection services, string name, string platform,
        Func<HttpResponseMessage, PlatformHttpOptions, TimeProvider, ValueTask<bool>> shouldRetry)
        where TClient : class
    {
        var client = services.AddHttpClient<TClient>(name)
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan) // the pipeline's timeouts govern
            .RemoveAllLoggers() // the default loggers print URLs, and Meta's carry access_token
            .AddHttpMessageHandler(sp => new PlatformCallMetricsHandler(sp.GetRequiredService<AppMetrics>(), platform)); // outside the pipeline: one count per call
        client.AddResilienceHandler($"{name}-pipeline", (pipeline, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<PlatformHttpOptions>>().Value;
                var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
                pipeline
                    .AddTimeout(o.TotalTimeout)
                    .AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = Math.Max(o.MaxRetries, 1),
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = o.RetryBaseDelay,
                        ShouldRetryAfterHeader = true,
                        ShouldHandle = args => o.MaxRetries == 0 ? ValueTask.FromResult(false) : args.Outcome switch
                        {
                            { Exception: HttpRequestException or TimeoutRejectedException } => ValueTask.FromResult(PlatformHttp.IsIdempotent(args.Context.GetRequestMessage())),
                            { Result: { } response } => shouldRetry(response, o, time),
                            _ => ValueTask.FromResult(false),
                        },
                    })
                    .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                    {
                        // Only outages open the circuit: one account's throttling must not block the others.
                        ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                        {
                            { Exception: HttpRequestException or TimeoutRejectedException } => true,
                            { Result: { } response } => (int)response.StatusCode >= 500 && response.StatusCode != HttpStatusCode.NotImplemented,
                            _ => false,
                        }),
                        FailureRatio = 0.5,
                        MinimumThroughput = 20,
                        SamplingDuration = TimeSpan.FromSeconds(30),
                        BreakDuration = o.CircuitBreakDuration,
                    })
                    .AddTimeout(o.AttemptTimeout);
            });
        client.AddHttpMessageHandler<PlatformHttpLoggingHandler>(); // inside the pipeline: one line per attempt
    }
}
