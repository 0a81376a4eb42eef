using AdPilot.Web.Features.Platforms;
using AdPilot.Web.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdPilot.Web.Tests.Platforms;

/// <summary>The production registration (<c>AddRealAdPlatforms</c>) pointed at a fake, with tiny retry delays and captured logs.</summary>
public sealed class PlatformClientHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public PlatformClientHost(IDictionary<string, string?> settings, TimeProvider? time = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Platforms:Http:RetryBaseDelay"] = "00:00:00.001",
            ["Platforms:Http:MaxRetries"] = "3",
            ["Platforms:Http:MaxRetryAfter"] = "00:00:05",
            ["Platforms:Http:AttemptTimeout"] = "00:00:05",
            ["Platforms:Http:TotalTimeout"] = "00:00:20",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddRealAdPlatforms(configuration);
        _services = services.BuildServiceProvider(validateScopes: true);
    }

    public CapturingLoggerProvider Logs { get; } = new();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
