using System.Net;
using AdPilot.Core.Common.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AdPilot.Web.Hosting;

internal static class SafeFetchSetup
{
    /// <summary>The fetcher of user-given URLs (section <c>SafeFetch</c>, ADR 021); its test-only allow-list cannot be set outside Development.</summary>
    public static void AddSafeFetch(this WebApplicationBuilder builder)
    {
        if (builder.Services.Any(d => d.ServiceType == typeof(SafeHttpFetcher)))
        {
            return; // every feature that fetches URLs asks for it; set up once
        }

        var development = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<SafeFetchOptions>().Bind(builder.Configuration.GetSection(SafeFetchOptions.Section))
            .ValidatePlainly()
            .Validate(o => development || o.TestOnlyAllowedNetworks.Count == 0,
                "SafeFetch:TestOnlyAllowedNetworks lets user-given URLs reach private networks; it is for tests and must be empty outside Development.")
            .Validate(o => o.TestOnlyAllowedNetworks.All(n => IPNetwork.TryParse(n, out _)), "SafeFetch:TestOnlyAllowedNetworks entries must be CIDR networks, e.g. 127.0.0.1/32.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton<IHostResolver, DnsHostResolver>();
        builder.Services.TryAddSingleton<SafeHttpFetcher>();
    }
}
