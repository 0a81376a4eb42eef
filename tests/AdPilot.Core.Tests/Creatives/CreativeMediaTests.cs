using AdPilot.Core.Common;
using AdPilot.Core.Creatives;
using AdPilot.Core.Tests.Support;

namespace AdPilot.Core.Tests.Creatives;

public sealed class CreativeMediaTests
{
    private static Task<MediaFacts> Inspect(byte[] bytes, CreativeOptions? options = null) =>
        CreativeMedia.InspectAsync(new MemoryStream(bytes), options ?? new CreativeOptions());

    public static TheoryData<string, int, int> Images() => new()
    {
        { "png", 40, 30 }, { "jpeg", 64, 48 }, { "gif", 10, 20 }, { "webp", 32, 32 },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public async Task Inspect_Images_DetectsFormatAndReadsDimensions(string format, int width, int height)
    {
        var bytes = format switch
        {
            "png" => TestMedia.Png(width, height),
            "jpeg" => TestMedia.Jpeg(width, height),
            "gif" => TestMedia.Gif(width, height),
            _ => TestMedia.WebP(width, height),
        };

        var facts = await Inspect(bytes);

        Assert.Equal($"image/{format}", facts.Format.ContentType);
        Assert.Equal((width, height, (long)bytes.Length), (facts.Width!.Value, facts.Height!.Value, facts.Size));
    }

    [Theory]
    [InlineData((byte)0, 1000u, 12_500ul)]
    [InlineData((byte)1, 90_000u, 1_350_000ul)]
    public async Task Inspect_Mp4_ReadsDurationFromMvhd_AndSizeFromTheVideoTkhd(byte version, uint timescale, ulong duration)
    {
        var facts = await Inspect(TestMedia.Mp4(timescale, duration, 1080, 1920, version));

        Assert.Equal(MediaFormat.Mp4, facts.Format);
        Assert.Equal((double)duration / timescale, facts.DurationSeconds);
        Assert.Equal((1080, 1920), (facts.Width!.Value, facts.Height!.Value));
    }

    [Fact]
    public async Task Inspect_MovBrand_IsQuickTime_AndMoovBeforeMdatParsesToo()
    {
        var facts = await Inspect(TestMedia.Mp4(600, 3000, 1280, 720, brand: "qt  ", mdatFirst: false));

        Assert.Equal(("video/quicktime", 5.0, 1280), (facts.Format.ContentType, facts.DurationSeconds!.Value, facts.Width!.Value));
    }

    [Fact]
    public async Task Inspect_WebM_IsAcceptedWithoutDimensions()
    {
        var facts = await Inspect(TestMedia.WebM());

        Assert.Equal((MediaFormat.WebM, (int?)null), (facts.Format, facts.Width));
    }

    [Fact]
    public async Task Inspect_VideoWithoutMoov_IsRefused()
    {
        var truncated = TestMedia.Mp4(1000, 5000, 640, 360)[..1100]; // ftyp + mdat, the moov is cut off

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Inspect(truncated));

        Assert.Contains("video could not be read", Assert.Single(error.Errors["file"]));
    }

    [Fact]
    public async Task Inspect_TextNamedPng_Empty_AndBrokenPng_AreRefused()
    {
        await Assert.ThrowsAsync<ValidationFailedException>(() => Inspect("hello, I am text"u8.ToArray()));
        var empty = await Assert.ThrowsAsync<ValidationFailedException>(() => Inspect([]));
        await Assert.ThrowsAsync<ValidationFailedException>(() => Inspect(TestMedia.Png(10, 10)[..20]));

        Assert.Equal("The file is empty.", Assert.Single(empty.Errors["file"]));
    }

    [Fact]
    public async Task Inspect_OverTheConfiguredLimits_IsRefused_PerType()
    {
        var options = new CreativeOptions { MaxImageBytes = 100, MaxVideoBytes = 100_000 };

        var image = await Assert.ThrowsAsync<ValidationFailedException>(() => Inspect(TestMedia.Jpeg(64, 64), options));
        var video = await Inspect(TestMedia.Mp4(1000, 5000, 640, 360), options);

        Assert.Contains("limit is 100 bytes", image.Errors["file"][0]);
        Assert.Equal(CreativeType.Video, video.Format.Type);
    }

    [Fact]
    public async Task Inspect_TooManyPixels_IsRefused()
    {
        await Assert.ThrowsAsync<ValidationFailedException>(() => Inspect(TestMedia.Png(100, 100), new CreativeOptions { MaxImagePixels = 9_999 }));
    }

    [Fact]
    public async Task Thumbnail_IsAJpegAtMostTheConfiguredWidth()
    {
        await using var thumbnail = await CreativeMedia.ThumbnailAsync(new MemoryStream(TestMedia.Png(640, 480)), 320);

        var facts = await CreativeMedia.InspectAsync(thumbnail!, new CreativeOptions());
        Assert.Equal((MediaFormat.Jpeg, 320, 240), (facts.Format, facts.Width!.Value, facts.Height!.Value));
    }
}
