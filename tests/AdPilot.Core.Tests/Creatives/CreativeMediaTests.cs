using AdPilot.Core.Common;
using AdPilot.Core.Creatives;
using AdPilot.Core.Tests.Support;
using Microsoft.Extensions.Options;

namespace AdPilot.Core.Tests.Creatives;

public sealed class CreativeMediaTests
{
    private static Task<MediaFacts> Inspect(byte[] bytes, CreativeOptions? options = null) =>
        Media(options).InspectAsync(new MemoryStream(bytes));

    private static CreativeMedia Media(CreativeOptions? options = null) => new(Options.Create(options ?? new CreativeOptions()));

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
    public async Task Inspect_AnimatedGif_CountsFramesTimesPixelsAgainstTheLimit()
    {
        var gif = TestMedia.AnimatedGif(10, 20, 3); // 3 × 200 pixels

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => Inspect(gif, new CreativeOptions { MaxAnimationPixels = 599 }));
        var accepted = await Inspect(gif, new CreativeOptions { MaxAnimationPixels = 600 });

        Assert.Contains("3 frames of 10×20", Assert.Single(refused.Errors["file"]));
        Assert.Equal((10, 20), (accepted.Width!.Value, accepted.Height!.Value));
    }

    [Fact]
    public async Task Thumbnail_IsAJpegAtMostTheConfiguredWidth()
    {
        var media = Media();
        await using var thumbnail = await media.ThumbnailAsync(new MemoryStream(TestMedia.Png(640, 480)));

        var facts = await media.InspectAsync(thumbnail!);
        Assert.Equal((MediaFormat.Jpeg, 320, 240), (facts.Format, facts.Width!.Value, facts.Height!.Value));
    }

    [Fact]
    public async Task Thumbnail_OfAnAnimation_IsItsFirstFrame()
    {
        await using var thumbnail = await Media().ThumbnailAsync(new MemoryStream(TestMedia.AnimatedGif(40, 30, 4)));

        using var image = SixLabors.ImageSharp.Image.Load<SixLabors.ImageSharp.PixelFormats.Rgb24>(thumbnail!);
        Assert.Equal((1, 40, 30), (image.Frames.Count, image.Width, image.Height));
        Assert.True(image[20, 15].R < 20, "the first frame is black; later frames are not");
    }

    [Fact]
    public async Task Thumbnail_DecodesAtMostTheConfiguredNumberAtOnce()
    {
        var media = Media(new CreativeOptions { MaxConcurrentDecodes = 1 });
        using var held = new HeldStream(TestMedia.Png(64, 64));
        var first = Task.Run(() => media.ThumbnailAsync(held));
        held.Reading.Wait(TimeSpan.FromSeconds(30));

        var second = media.ThumbnailAsync(new MemoryStream(TestMedia.Png(64, 64)));

        Assert.False(second.IsCompleted); // waits for the slot the first decode holds
        held.Release.Set();
        Assert.NotNull(await first);
        Assert.NotNull(await second);
    }

    /// <summary>A stream whose first read signals <see cref="Reading"/> and then blocks until <see cref="Release"/> is set.</summary>
    private sealed class HeldStream(byte[] bytes) : MemoryStream(bytes)
    {
        public ManualResetEventSlim Reading { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public override int Read(byte[] buffer, int offset, int count)
        {
            Reading.Set();
            Release.Wait(TimeSpan.FromSeconds(30));
            return base.Read(buffer, offset, count);
        }

        public override int Read(Span<byte> buffer)
        {
            Reading.Set();
            Release.Wait(TimeSpan.FromSeconds(30));
            return base.Read(buffer);
        }

        protected override void Dispose(bool disposing)
        {
            Reading.Dispose();
            Release.Dispose();
            base.Dispose(disposing);
        }
    }
}
