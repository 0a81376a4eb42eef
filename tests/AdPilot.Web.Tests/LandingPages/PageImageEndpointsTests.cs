using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AdPilot.Core.LandingPages;
using AdPilot.Web.Tests.Creatives;
using AdPilot.Web.Tests.Support;

namespace AdPilot.Web.Tests.LandingPages;

/// <summary>The page image routes on a host whose image limit is small enough to exceed cheaply.</summary>
public sealed class PageImageEndpointsTests : IAsyncLifetime
{
    private const int MaxImageBytes = 200_000;
    private readonly AdPilotFactory _app = AdPilotFactory.With(settings: new Dictionary<string, string?> { ["LandingPages:MaxImageBytes"] = MaxImageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<(HttpClient Client, long PageId)> OwnerAsync(string email)
    {
        var (_, pageId) = await PageImageServiceTests.PageAsync(_app, email);
        var client = _app.CreateClient();
        await client.SignInAsync(email);
        return (client, pageId);
    }

    [Fact]
    public async Task Upload_Picture_Is201WithRef_AndTheAssetIsServedAnonymouslyCachedForGood()
    {
        var (client, pageId) = await OwnerAsync("page-images-upload@example.com");

        var response = await client.PostAsync($"/api/v1/landing-pages/{pageId}/images", CreativesApiTests.Form(PageImageServiceTests.Jpeg(1000, 500), "hero.jpg"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var upload = (await response.Content.ReadFromJsonAsync<PageImageUpload>())!;
        Assert.Equal((1000, 500), (upload.Width, upload.Height));
        Assert.StartsWith("asset:", upload.Ref, StringComparison.Ordinal);
        var file = PageImages.Parse(upload.Ref)!.Value.File;
        using var anonymous = _app.CreateClient();
        foreach (var url in new[] { upload.Url, LandingPageRoutes.Asset(pageId, PageImages.Copy(file, 960)) })
        {
            var asset = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
            Assert.Equal("image/jpeg", asset.Content.Headers.ContentType?.MediaType);
            Assert.Equal("public, max-age=31536000, immutable", asset.Headers.CacheControl?.ToString());
        }
    }

    [Fact]
    public async Task Upload_NonImageOrOversize_Is400OnFieldFile()
    {
        var (client, pageId) = await OwnerAsync("page-images-refused@example.com");

        var text = await client.PostAsync($"/api/v1/landing-pages/{pageId}/images", CreativesApiTests.Form("hello"u8.ToArray(), "hello.jpg"));
        var video = await client.PostAsync($"/api/v1/landing-pages/{pageId}/images", CreativesApiTests.Form(PageImageServiceTests.WebM, "clip.webm"));
        var oversize = await client.PostAsync($"/api/v1/landing-pages/{pageId}/images", CreativesApiTests.Form(TestImages.Noise(300, 300), "big.png"));

        foreach (var response in new[] { text, video, oversize })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.ProblemAsync();
            Assert.Equal("validation_failed", problem.Code());
            Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
        }
    }

    [Fact]
    public async Task Upload_AnotherUsersPageOrNoSession_IsRefused()
    {
        var (_, pageId) = await OwnerAsync("page-images-a@example.com");
        var (other, _) = await OwnerAsync("page-images-b@example.com");
        using var anonymous = _app.CreateClient();

        var cross = await other.PostAsync($"/api/v1/landing-pages/{pageId}/images", CreativesApiTests.Form(PageImageServiceTests.Jpeg(50, 50), "a.jpg"));
        var signedOut = await anonymous.PostAsync($"/api/v1/landing-pages/{pageId}/images", CreativesApiTests.Form(PageImageServiceTests.Jpeg(50, 50), "a.jpg"));

        Assert.Equal(HttpStatusCode.NotFound, cross.StatusCode);
        Assert.Equal("not_found", (await cross.ProblemAsync()).Code());
        Assert.Equal(HttpStatusCode.Unauthorized, signedOut.StatusCode);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef.jpg")]
    [InlineData("0123456789abcdef0123456789abcdef.svg")]
    [InlineData("..%2Fsecret.jpg")]
    [InlineData("x.jpg")]
    public async Task Asset_BadOrMissingName_Is404(string file)
    {
        using var anonymous = _app.CreateClient();

        var response = await anonymous.GetAsync($"/p/assets/1/{file}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Preview_Owner_GetsTheDraftSandboxed_AnotherUserGets404()
    {
        var (owner, pageId) = await OwnerAsync("page-preview-owner@example.com");
        var (other, _) = await OwnerAsync("page-preview-other@example.com");

        var mine = await owner.GetAsync($"/landing-pages/{pageId}/preview");
        var theirs = await other.GetAsync($"/landing-pages/{pageId}/preview");

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal("text/html", mine.Content.Headers.ContentType?.MediaType);
        var policy = mine.Headers.GetValues("Content-Security-Policy").Single();
        Assert.StartsWith("sandbox ", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("allow-scripts", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", policy, StringComparison.Ordinal); // the list's thumbnails frame it
        Assert.Equal("SAMEORIGIN", mine.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("<html", await mine.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
    }
}
