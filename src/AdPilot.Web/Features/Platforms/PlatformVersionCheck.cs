using AdPilot.Core.Platforms;
using AdPilot.Core.Platforms.GoogleAds;
using AdPilot.Core.Platforms.Meta;
using Microsoft.Extensions.Options;

namespace AdPilot.Web.Features.Platforms;

/// <summary>
/// Warns at startup when a configured Meta or Google Ads API version is past, or close to, its published sunset date
/// (<see cref="PlatformApiVersions"/>): after that date every call fails, and the log should say why before users do.
/// </summary>
internal sealed class PlatformVersionCheck(
    IOptions<MetaOptions> meta, IOptions<GoogleAdsOptions> googleAds, TimeProvider time, ILogger<PlatformVersionCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (meta.Value.IsConfigured)
        {
            Report(PlatformApiVersions.MetaStatus(meta.Value.GraphApiVersion, now), "Platforms:Meta:GraphApiVersion", PlatformApiVersions.MetaDefault);
        }

        if (googleAds.Value.IsConfigured)
        {
            Report(PlatformApiVersions.GoogleAdsStatus(googleAds.Value.ApiVersion, now), "Platforms:GoogleAds:ApiVersion", PlatformApiVersions.GoogleAdsDefault);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Report(ApiVersionStatus status, string key, string current)
    {
        switch (status.State)
        {
            case ApiVersionState.PastSunset:
                logger.LogWarning("{Platform} API {Version} was sunset on {Sunset:yyyy-MM-dd}; its calls fail. Set {Key} to a supported version such as {Current}.",
                    status.Platform, status.Version, status.Sunset, key, current);
                break;
            case ApiVersionState.EndingSoon:
                logger.LogWarning("{Platform} API {Version} is sunset on {Sunset:yyyy-MM-dd}. Move {Key} to a newer version such as {Current} before then.",
                    status.Platform, status.Version, status.Sunset, key, current);
                break;
        }
    }
}
