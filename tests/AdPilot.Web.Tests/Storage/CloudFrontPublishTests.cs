using AdPilot.Core.LandingPages;
using AdPilot.Core.Storage;
using AdPilot.Core.Users;
using AdPilot.Web.Tests.Fakes;
using AdPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.Web.Tests.Storage;

/// <summary>P21 on S3 behind CloudFront: the real publisher, the S3-compatible server of ./test.sh and a local CloudFront.</summary>
public sealed class CloudFrontPublishTests
{
    [S3Fact]
    public async Task Publish_Republish_Unpublish_InvalidatesThePagesPathOnlyWhenACopyWasServed()
    {
        await using var cloudFront = await FakeCloudFront.StartNewAsync();
        cloudFront.Credentials = ("S3RVER", "S3RVER");
        await using var host = Host(cloudFront, maxAttempts: 4);
        var (publisher, userId, pageId, slug) = await PageAsync(host);

        await publisher.PublishAsync(userId, pageId);
        Assert.Empty(cloudFront.Invalidations); // a first publish has no cached copy to drop
        await publisher.PublishAsync(userId, pageId);
        await publisher.UnpublishAsync(userId, pageId);

        Assert.Empty(cloudFront.SignatureProblems);
        Assert.Equal([[$"/pages/{slug}/index.html"], [$"/pages/{slug}/index.html"]], cloudFront.Invalidations.Select(i => i.Paths));
    }

    [S3Fact]
    public async Task Republish_CloudFrontDown_KeepsThePublishAndItsNewObject()
    {
        await using var cloudFront = await FakeCloudFront.StartNewAsync();
        cloudFront.Credentials = ("S3RVER", "S3RVER");
        await using var host = Host(cloudFront, maxAttempts: 2);
        var (publisher, userId, pageId, slug) = await PageAsync(host);
        await publisher.PublishAsync(userId, pageId);
        cloudFront.ServerErrorTimes = 100;

        var republished = await publisher.PublishAsync(userId, pageId);

        Assert.Equal(2, republished.PublishedVersion);
        Assert.Equal(2, cloudFront.Requests.Count); // tried MaxAttempts times, then the publish went on
        Assert.Empty(cloudFront.Invalidations);
        var storage = host.Services.GetRequiredService<IObjectStorage>();
        Assert.NotNull(await storage.StatAsync($"pages/{slug}/index.html"));
    }

    private static AdPilotFactory Host(FakeCloudFront cloudFront, int maxAttempts)
    {
        var settings = RealServers.S3Settings();
        settings["Storage:S3:CloudFront:DistributionId"] = FakeCloudFront.DistributionId;
        settings["Storage:S3:CloudFront:ServiceUrl"] = cloudFront.BaseUrl;
        settings["Storage:S3:CloudFront:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Storage:S3:CloudFront:RetryBaseDelay"] = "00:00:00.005";
        settings["LandingPages:PublicBaseUrl"] = "https://app.example.com";
        return AdPilotFactory.With(settings: settings);
    }

    private static async Task<(LandingPagePublisher Publisher, long UserId, long PageId, string Slug)> PageAsync(AdPilotFactory host)
    {
        var email = $"cdn-{Guid.NewGuid():N}@example.com";
        var user = await host.Services.GetRequiredService<UserService>().SignInAsync(new ExternalIdentity(AuthProviders.Dev, email, email, null, null));
        var slug = "cdn-" + Guid.NewGuid().ToString("N")[..12];
        var page = await host.Services.GetRequiredService<LandingPageService>().CreateAsync(user.Id,
            new CreateLandingPageRequest { Name = "CDN", Slug = slug, Template = "lead_generation", Language = "en" });
        return (host.Services.GetRequiredService<LandingPagePublisher>(), user.Id, page.Id, slug);
    }
}
