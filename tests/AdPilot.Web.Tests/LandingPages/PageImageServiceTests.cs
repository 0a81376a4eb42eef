using AdPilot.Core.Common;
using AdPilot.Core.Data;
using AdPilot.Core.LandingPages;
using AdPilot.Core.Storage;
using AdPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace AdPilot.Web.Tests.LandingPages;

public sealed class PageImageServiceTests(AdPilotFactory factory) : IClassFixture<AdPilotFactory>
{
    private PageImageService Images => factory.Services.GetRequiredService<PageImageService>();

    private IObjectStorage Storage => factory.Services.GetRequiredService<IObjectStorage>();

    /// <summary>A page row of a new user (the images need only the page and its owner).</summary>
    internal static async Task<(long UserId, long PageId)> PageAsync(AdPilotFactory app, string email)
    {
        var user = await app.SignInAsync(email);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var page = new LandingPage
        {
            UserId = user.Id, Name = "Spring", Slug = $"spring-{Guid.NewGuid():N}"[..20], ContentJson = new LandingPageDocument().ToJson(),
            CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        db.LandingPages.Add(page);
        await db.SaveChangesAsync();
        return (user.Id, page.Id);
    }

    internal static byte[] Jpeg(int width, int height)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(200, 80, 40));
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }

    /// <summary>The first bytes of a WebM file: recognised as a video by its content.</summary>
    internal static readonly byte[] WebM = [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x82, 0x84, (byte)'w', (byte)'e', (byte)'b', (byte)'m', 0, 0, 0, 0];

    private async Task<(int Width, string ContentType)?> StoredAsync(long pageId, string file)
    {
        var stored = await Storage.GetAsync(PageImages.Key(pageId, file));
        if (stored is null)
        {
            return null;
        }

        await using (stored)
        {
            var info = await Image.IdentifyAsync(stored);
            var type = (await Storage.StatAsync(PageImages.Key(pageId, file)))!.ContentType;
            return (info.Width, type);
        }
    }

    [Fact]
    public async Task UploadAsync_WideJpeg_StoresTheOriginalAndACopyAtEachSmallerWidth()
    {
        var (userId, pageId) = await PageAsync(factory, "page-image-wide@example.com");

        var upload = await Images.UploadAsync(userId, pageId, new MemoryStream(Jpeg(2000, 1000)));

        var (file, width) = PageImages.Parse(upload.Ref)!.Value;
        Assert.Equal((2000, 1000, 2000), (upload.Width, upload.Height, width));
        Assert.Matches("^[0-9a-f]{32}\\.jpg$", file);
        Assert.Equal(LandingPageRoutes.Asset(pageId, file), upload.Url);
        Assert.Equal((2000, "image/jpeg"), await StoredAsync(pageId, file));
        foreach (var copyWidth in new[] { 480, 960, 1600 })
        {
            Assert.Equal((copyWidth, "image/jpeg"), await StoredAsync(pageId, PageImages.Copy(file, copyWidth)));
        }
    }

    [Fact]
    public async Task UploadAsync_NarrowPng_MakesNoCopyAsWideAsTheOriginal()
    {
        var (userId, pageId) = await PageAsync(factory, "page-image-narrow@example.com");

        var upload = await Images.UploadAsync(userId, pageId, new MemoryStream(TestImages.Png(600, 400)));

        var file = PageImages.Parse(upload.Ref)!.Value.File;
        Assert.EndsWith(".png", file, StringComparison.Ordinal);
        Assert.Equal((480, "image/png"), await StoredAsync(pageId, PageImages.Copy(file, 480)));
        Assert.Null(await StoredAsync(pageId, PageImages.Copy(file, 960)));
        Assert.Null(await StoredAsync(pageId, PageImages.Copy(file, 1600)));
    }

    [Fact]
    public async Task UploadAsync_VideoOrText_IsRefusedOnFieldFile_AndNothingIsStored()
    {
        var (userId, pageId) = await PageAsync(factory, "page-image-video@example.com");

        var video = await Assert.ThrowsAsync<ValidationFailedException>(() => Images.UploadAsync(userId, pageId, new MemoryStream(WebM)));
        var text = await Assert.ThrowsAsync<ValidationFailedException>(() => Images.UploadAsync(userId, pageId, new MemoryStream("<svg onload=alert(1)>"u8.ToArray())));

        Assert.Contains("pictures only", Assert.Single(video.Errors["file"]), StringComparison.Ordinal);
        Assert.True(text.Errors.ContainsKey("file"));
        var folder = Path.Combine(factory.DataDirectory, "files", "landing-pages", pageId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task UploadAsync_AnotherUsersPage_IsNotFound()
    {
        var (_, pageId) = await PageAsync(factory, "page-image-owner@example.com");
        var (otherUserId, _) = await PageAsync(factory, "page-image-other@example.com");

        var error = await Assert.ThrowsAsync<NotFoundException>(() => Images.UploadAsync(otherUserId, pageId, new MemoryStream(Jpeg(100, 100))));

        Assert.Equal("not_found", error.Code);
    }

    [Theory]
    [InlineData("../secret.jpg")]
    [InlineData("0123456789abcdef0123456789abcdef.svg")]
    [InlineData("0123456789abcdef0123456789abcdef-333.jpg")]
    [InlineData("0123456789abcdef0123456789abcdef.jpg")]
    public async Task ReadAsync_BadOrMissingName_IsNull(string file)
    {
        Assert.Null(await Images.ReadAsync(1, file));
    }
}
