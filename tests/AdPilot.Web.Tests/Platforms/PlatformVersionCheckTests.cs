using AdPilot.Core.Platforms;
using AdPilot.Web.Tests.Fakes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace AdPilot.Web.Tests.Platforms;

/// <summary>The sunset table of ad-platform API versions and the startup warning built on it.</summary>
public sealed class PlatformVersionCheckTests
{
    private static readonly DateTimeOffset Today = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("v21.0", ApiVersionState.PastSunset)]
    [InlineData("v24.0", ApiVersionState.PastSunset)] // Marketing API expiry 2026-11-10
    [InlineData("v25.0", ApiVersionState.EndingSoon)] // 2027-02-23 is within 90 days
    [InlineData(PlatformApiVersions.MetaDefault, ApiVersionState.Supported)]
    public void MetaStatus_OnFixedDay_FollowsThePublishedDates(string version, ApiVersionState expected) =>
        Assert.Equal(expected, PlatformApiVersions.MetaStatus(version, Today).State);

    [Theory]
    [InlineData("v18", ApiVersionState.PastSunset)]
    [InlineData("v22", ApiVersionState.PastSunset)]
    [InlineData(PlatformApiVersions.GoogleAdsDefault, ApiVersionState.Supported)]
    public void GoogleAdsStatus_OnFixedDay_FollowsThePublishedDates(string version, ApiVersionState expected) =>
        Assert.Equal(expected, PlatformApiVersions.GoogleAdsStatus(version, Today).State);

    [Fact]
    public void GoogleAdsStatus_DayBeforeAndOnSunset_TurnsPastSunsetOnTheDay()
    {
        Assert.Equal(ApiVersionState.EndingSoon, PlatformApiVersions.GoogleAdsStatus("v22", new DateTimeOffset(2026, 10, 6, 23, 0, 0, TimeSpan.Zero)).State);
        Assert.Equal(ApiVersionState.PastSunset, PlatformApiVersions.GoogleAdsStatus("v22", new DateTimeOffset(2026, 10, 7, 0, 0, 0, TimeSpan.Zero)).State);
    }

    [Fact]
    public async Task StartAsync_SunsetVersionsConfigured_WarnsNamingTheKeyAndDate()
    {
        var settings = BothConfigured();
        settings["Platforms:Meta:GraphApiVersion"] = "v21.0";
        settings["Platforms:GoogleAds:ApiVersion"] = "v18";
        await using var host = new PlatformClientHost(settings, new FakeTimeProvider(Today));

        await StartChecksAsync(host);

        Assert.Contains("Meta API v21.0 was sunset on 2025-09-09", host.Logs.All, StringComparison.Ordinal);
        Assert.Contains("Platforms:Meta:GraphApiVersion", host.Logs.All, StringComparison.Ordinal);
        Assert.Contains("Google Ads API v18 was sunset on 2025-08-20", host.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_DefaultVersions_WarnsNothing()
    {
        await using var host = new PlatformClientHost(BothConfigured(), new FakeTimeProvider(Today));

        await StartChecksAsync(host);

        Assert.DoesNotContain("sunset", host.Logs.All, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task StartChecksAsync(PlatformClientHost host)
    {
        foreach (var service in host.Get<IEnumerable<IHostedService>>())
        {
            await service.StartAsync(default);
        }
    }

    /// <summary>Both platforms configured; no server is called, only the settings matter here.</summary>
    private static Dictionary<string, string?> BothConfigured() => new()
    {
        ["Platforms:Meta:AppId"] = FakeMeta.AppId,
        ["Platforms:Meta:AppSecret"] = FakeMeta.AppSecret,
        ["Platforms:GoogleAds:ClientId"] = FakeGoogleAds.ClientId,
        ["Platforms:GoogleAds:ClientSecret"] = FakeGoogleAds.ClientSecret,
        ["Platforms:GoogleAds:DeveloperToken"] = FakeGoogleAds.DeveloperToken,
    };
}
