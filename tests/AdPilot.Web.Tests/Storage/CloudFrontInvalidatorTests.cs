using System.Net;
using AdPilot.Core.Storage;
using AdPilot.Web.Tests.Fakes;
using AdPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdPilot.Web.Tests.Storage;

/// <summary>The CloudFront invalidator against a local CloudFront that checks SigV4 with its own implementation.</summary>
public sealed class CloudFrontInvalidatorTests : IAsyncLifetime
{
    private FakeCloudFront _cloudFront = null!;
    private readonly CapturingLoggerProvider _logs = new();
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _cloudFront = await FakeCloudFront.StartNewAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _cloudFront.DisposeAsync();
    }

    [Fact]
    public async Task InvalidateAsync_Keys_PostsOneSignedBatchOfTheirPaths()
    {
        await Invalidator().InvalidateAsync(["landing-pages/7/index.html", "landing-pages/7/images/hero.webp"]);

        Assert.Empty(_cloudFront.SignatureProblems);
        var invalidation = Assert.Single(_cloudFront.Invalidations);
        Assert.Equal(["/landing-pages/7/index.html", "/landing-pages/7/images/hero.webp"], invalidation.Paths);
        Assert.StartsWith("adpilot-", invalidation.CallerReference, StringComparison.Ordinal);
        var request = Assert.Single(_cloudFront.Requests);
        Assert.Equal("application/xml", request.Headers.ContentType.ToString());
    }

    [Fact]
    public async Task InvalidateAsync_TwoCalls_UseDistinctCallerReferences()
    {
        await Invalidator().InvalidateAsync(["a.html"]);
        await Invalidator().InvalidateAsync(["a.html"]);

        Assert.Equal(2, _cloudFront.Invalidations.Select(i => i.CallerReference).Distinct().Count());
    }

    [Fact]
    public async Task InvalidateAsync_WrongSecret_FailsAtOnceWithAClearExceptionAndNoSecret()
    {
        var ex = await Assert.ThrowsAsync<CloudFrontInvalidationException>(() =>
            Invalidator(secret: "not-the-secret-key-00").InvalidateAsync(["a.html"]));

        Assert.Equal(HttpStatusCode.Forbidden, ex.Status);
        Assert.Equal("SignatureDoesNotMatch", ex.ErrorCode);
        Assert.Contains("HTTP 403 SignatureDoesNotMatch", ex.Message, StringComparison.Ordinal);
        Assert.Single(_cloudFront.Requests); // a refusal is not retried
        Assert.DoesNotContain("not-the-secret-key-00", ex.ToString() + _logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidateAsync_ThrottledOnce_RetriesTheSameBatchAndSucceeds()
    {
        _cloudFront.ThrottleTimes = 1;

        await Invalidator().InvalidateAsync(["landing-pages/7/index.html"]);

        Assert.Equal(2, _cloudFront.Requests.Count);
        Assert.Single(_cloudFront.Invalidations);
        Assert.Empty(_cloudFront.SignatureProblems); // the retry is signed again, and correctly
        Assert.Equal(_cloudFront.Requests.First().Body, _cloudFront.Requests.Last().Body); // same CallerReference: no duplicate
        Assert.Contains("Throttling", _logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeCloudFront.SecretKey, _logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidateAsync_ServiceUnavailableOnce_RetriesAndSucceeds()
    {
        _cloudFront.ServerErrorTimes = 1;

        await Invalidator().InvalidateAsync(["a.html"]);

        Assert.Equal(2, _cloudFront.Requests.Count);
        Assert.Single(_cloudFront.Invalidations);
    }

    [Fact]
    public async Task InvalidateAsync_ServiceUnavailableEveryTime_GivesUpAfterMaxAttempts()
    {
        _cloudFront.ServerErrorTimes = 100;

        var ex = await Assert.ThrowsAsync<CloudFrontInvalidationException>(() =>
            Invalidator(maxAttempts: 3).InvalidateAsync(["a.html"]));

        Assert.Equal(3, _cloudFront.Requests.Count);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.Status);
        Assert.Contains("after 3 attempt(s)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidateAsync_Unreachable_ThrowsAfterRetrying()
    {
        var ex = await Assert.ThrowsAsync<CloudFrontInvalidationException>(() =>
            Invalidator(serviceUrl: "http://127.0.0.1:1", maxAttempts: 2).InvalidateAsync(["a.html"]));

        Assert.Null(ex.Status);
        Assert.Contains("could not be reached", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidateAsync_MoreThan3000Paths_SendsBatchesOfAtMost3000()
    {
        var keys = Enumerable.Range(0, 3001).Select(i => $"landing-pages/{i}/index.html").Append("landing-pages/0/index.html").ToList();

        await Invalidator().InvalidateAsync(keys);

        Assert.Empty(_cloudFront.SignatureProblems);
        Assert.Equal([3000, 1], _cloudFront.Invalidations.Select(i => i.Paths.Count));
        Assert.Equal(3001, _cloudFront.Invalidations.SelectMany(i => i.Paths).Distinct().Count());
    }

    [Fact]
    public async Task InvalidateAsync_NoConfiguredKeys_SignsWithTheDefaultChainsSessionCredentials()
    {
        var variables = new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = FakeCloudFront.AccessKey, ["AWS_SECRET_ACCESS_KEY"] = FakeCloudFront.SecretKey,
            ["AWS_SESSION_TOKEN"] = "fake-session-token-1234",
        };
        var saved = variables.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        try
        {
            foreach (var (name, value) in variables)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            await Invalidator(accessKey: "", secret: "").InvalidateAsync(["a.html"]);
        }
        finally
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }

        Assert.Empty(_cloudFront.SignatureProblems);
        var request = Assert.Single(_cloudFront.Requests);
        Assert.Equal("fake-session-token-1234", request.Headers["x-amz-security-token"].ToString());
        Assert.Contains("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token,", request.Headers.Authorization.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_S3WithDistributionId_InvalidatesThroughCloudFront()
    {
        await using var host = AdPilotFactory.With(settings: new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "S3",
            ["Storage:S3:Bucket"] = "adpilot-test",
            ["Storage:S3:ServiceUrl"] = "http://127.0.0.1:1",
            ["Storage:S3:AccessKey"] = FakeCloudFront.AccessKey,
            ["Storage:S3:SecretKey"] = FakeCloudFront.SecretKey,
            ["Storage:S3:CloudFront:DistributionId"] = FakeCloudFront.DistributionId,
            ["Storage:S3:CloudFront:ServiceUrl"] = _cloudFront.BaseUrl,
        });

        var invalidator = host.Services.GetRequiredService<ICdnInvalidator>();
        await invalidator.InvalidateAsync(["landing-pages/9/index.html"]);

        Assert.IsType<CloudFrontInvalidator>(invalidator);
        Assert.Equal(["/landing-pages/9/index.html"], Assert.Single(_cloudFront.Invalidations).Paths);
    }

    [Theory]
    [InlineData("Local", FakeCloudFront.DistributionId)]
    [InlineData("S3", "")]
    public async Task Host_WithoutS3OrDistributionId_InvalidatesNothing(string provider, string distributionId)
    {
        await using var host = AdPilotFactory.With(settings: new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider,
            ["Storage:S3:Bucket"] = "adpilot-test",
            ["Storage:S3:ServiceUrl"] = "http://127.0.0.1:1",
            ["Storage:S3:CloudFront:DistributionId"] = distributionId,
        });

        Assert.IsType<NoCdnInvalidator>(host.Services.GetRequiredService<ICdnInvalidator>());
    }

    private CloudFrontInvalidator Invalidator(
        string secret = FakeCloudFront.SecretKey, int maxAttempts = 4, string? serviceUrl = null, string accessKey = FakeCloudFront.AccessKey)
    {
        var options = new StorageOptions
        {
            Provider = StorageProvider.S3,
            S3 = new S3StorageOptions
            {
                Bucket = "adpilot-test", AccessKey = accessKey, SecretKey = secret,
                CloudFront = new CloudFrontOptions
                {
                    DistributionId = FakeCloudFront.DistributionId, ServiceUrl = serviceUrl ?? _cloudFront.BaseUrl, MaxAttempts = maxAttempts,
                    RetryBaseDelay = TimeSpan.FromMilliseconds(5), AttemptTimeout = TimeSpan.FromSeconds(5),
                },
            },
        };
        using var factory = LoggerFactory.Create(b => b.AddProvider(_logs));
        return new CloudFrontInvalidator(_http, Options.Create(options), TimeProvider.System, factory.CreateLogger<CloudFrontInvalidator>());
    }
}
