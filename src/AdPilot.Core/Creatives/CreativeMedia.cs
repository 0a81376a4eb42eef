using AdPilot.Core.Common;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace AdPilot.Core.Creatives;

/// <summary>What an uploaded file turned out to be, judged by its content.</summary>
public sealed record MediaFacts(MediaFormat Format, long Size, int? Width, int? Height, double? DurationSeconds)
{
    public CreativeFacts ToCreativeFacts() => new(Format.Type, Width, Height, Size, DurationSeconds);
}

/// <summary>
/// Validates an upload by its bytes (format, size limits, readable dimensions/duration) and makes image thumbnails,
/// within fixed memory (ADR 012): pictures and animations are measured from their headers before any pixel is decoded;
/// decodes use their own ImageSharp configuration, whose allocator pools little and refuses any buffer larger than the
/// largest accepted picture, read only a GIF's first frame, and run at most <c>MaxConcurrentDecodes</c> at a time.
/// </summary>
public sealed class CreativeMedia : IDisposable
{
    public const string Field = "file";

    private readonly CreativeOptions _options;
    private readonly Configuration _images;
    private readonly SemaphoreSlim _decodes;

    public CreativeMedia(IOptions<CreativeOptions> options)
    {
        _options = options.Value;
        // A configuration of its own (not a clone: clones share the global format manager, which must stay untouched).
        _images = new Configuration(new JpegConfigurationModule(), new PngConfigurationModule(), new GifConfigurationModule(), new WebpConfigurationModule())
        {
            MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions
            {
                MaximumPoolSizeMegabytes = _options.ImagePoolMegabytes,
                AllocationLimitMegabytes = (int)Math.Ceiling(_options.MaxImagePixels * 4 / (1024.0 * 1024)) + 1,
            }),
            // One allocation per picture: above glibc's largest mmap threshold (32 MB) it is mapped and unmapped whole, so
            // its memory goes back to the OS when the image is disposed. In ImageSharp's 4 MB blocks it stayed in malloc's
            // arenas (measured: +137 MB resident after five 25 MP decodes, never returned).
            PreferContiguousImageBuffers = true,
        };
        _images.ImageFormatsManager.SetDecoder(GifFormat.Instance, new GifDecoder { DecodingMode = FrameDecodingMode.First });
        _decodes = new SemaphoreSlim(_options.MaxConcurrentDecodes, _options.MaxConcurrentDecodes);
    }

    /// <summary>Inspects a seekable stream from its start; throws <see cref="ValidationFailedException"/> on field <c>file</c>.</summary>
    public async Task<MediaFacts> InspectAsync(Stream file, CancellationToken ct = default)
    {
        var size = file.Length;
        if (size == 0)
        {
            throw Invalid("The file is empty.");
        }

        var header = new byte[(int)Math.Min(MediaFormat.HeaderLength, size)];
        file.Position = 0;
        await file.ReadExactlyAsync(header, ct);
        var format = MediaFormat.Detect(header)
            ?? throw Invalid("This file is not a supported image (JPEG, PNG, GIF, WebP) or video (MP4, MOV, WebM).");
        var limit = _options.MaxBytesFor(format.Type);
        if (size > limit)
        {
            throw Invalid($"The {format.Type.ToString().ToLowerInvariant()} is {size:N0} bytes; the limit is {limit:N0} bytes.");
        }

        file.Position = 0;
        if (format.Type == CreativeType.Image)
        {
            var (width, height) = await ImageSizeAsync(file, format, ct);
            return new MediaFacts(format, size, width, height, null);
        }

        if (format.IsIsoMedia)
        {
            var movie = Mp4Info.Read(file) ?? throw Invalid("The video could not be read: its duration or picture size is missing or damaged.");
            return new MediaFacts(format, size, movie.Width, movie.Height, movie.DurationSeconds);
        }

        return new MediaFacts(format, size, null, null, null); // WebM: recognised, not parsed
    }

    private async Task<(int Width, int Height)> ImageSizeAsync(Stream file, MediaFormat format, CancellationToken ct)
    {
        IImageInfo? info;
        try
        {
            info = await Image.IdentifyAsync(_images, file, ct); // headers only: no pixel is decoded
        }
        catch (Exception ex) when (ex is ImageFormatException or NotSupportedException or InvalidDataException or EndOfStreamException)
        {
            info = null;
        }

        if (info is not { Width: > 0, Height: > 0 })
        {
            throw Invalid("The image could not be read; it may be damaged.");
        }

        var pixels = (long)info.Width * info.Height;
        if (pixels > _options.MaxImagePixels)
        {
            throw Invalid($"The image is {info.Width}×{info.Height}; at most {_options.MaxImagePixels:N0} pixels are accepted.");
        }

        if (format == MediaFormat.Gif && GifFrames.Count(file) is var frames && frames * pixels > _options.MaxAnimationPixels)
        {
            throw Invalid($"The animation has {frames:N0} frames of {info.Width}×{info.Height}; at most {_options.MaxAnimationPixels:N0} pixels over all frames are accepted.");
        }

        return (info.Width, info.Height);
    }

    /// <summary>
    /// A JPEG at most <c>ThumbnailWidth</c> pixels wide, of the first frame; null when the image cannot be decoded.
    /// Waits for a decode slot; a picture the capped allocator refuses is a validation error.
    /// </summary>
    public async Task<MemoryStream?> ThumbnailAsync(Stream image, CancellationToken ct = default)
    {
        await _decodes.WaitAsync(ct);
        try
        {
            image.Position = 0;
            // RGB, not RGBA: a JPEG has no alpha, and the decoded picture takes 3 bytes a pixel instead of 4.
            using var picture = Image.Load<Rgb24>(_images, image);
            if (picture.Width > _options.ThumbnailWidth)
            {
                picture.Mutate(x => x.Resize(_options.ThumbnailWidth, 0));
            }

            var output = new MemoryStream();
            await picture.SaveAsJpegAsync(output, new JpegEncoder { Quality = 80 }, ct);
            output.Position = 0;
            return output;
        }
        catch (InvalidMemoryOperationException)
        {
            throw Invalid("The image needs more memory to decode than is allowed.");
        }
        catch (Exception ex) when (ex is ImageFormatException or NotSupportedException or InvalidDataException)
        {
            return null;
        }
        finally
        {
            _decodes.Release();
        }
    }

    /// <summary>
    /// Smaller copies of a picture, one per width (each below the picture's own), encoded in its format: decoded once, in a
    /// decode slot, and shrunk step by step from the widest. The copies are small (at most a few hundred KB each); the
    /// caller stores them after the slot is released.
    /// </summary>
    public async Task<IReadOnlyList<(int Width, MemoryStream Content)>> ResizedCopiesAsync(Stream image, MediaFormat format, IEnumerable<int> widths, CancellationToken ct = default)
    {
        var copies = new List<(int, MemoryStream)>();
        await _decodes.WaitAsync(ct);
        try
        {
            image.Position = 0;
            using var picture = await Image.LoadAsync(_images, image, ct);
            foreach (var width in widths.Where(w => w < picture.Width).OrderDescending())
            {
                picture.Mutate(x => x.Resize(width, 0));
                var output = new MemoryStream();
                copies.Add((width, output));
                await picture.SaveAsync(output, EncoderFor(format), ct);
                output.Position = 0;
            }

            return copies;
        }
        catch (Exception ex) when (ex is InvalidMemoryOperationException or ImageFormatException or NotSupportedException or InvalidDataException)
        {
            throw DecodeFailed(ex, copies);
        }
        finally
        {
            _decodes.Release();
        }
    }

    /// <summary>
    /// Square PNG copies of a picture (e.g. an avatar), one per size: cropped to the centred square, decoded once in a
    /// decode slot with the same capped allocator as every upload, so a hostile file costs no more than a creative.
    /// </summary>
    public async Task<IReadOnlyList<(int Size, MemoryStream Png)>> SquareCopiesAsync(Stream image, IEnumerable<int> sizes, CancellationToken ct = default)
    {
        var copies = new List<(int, MemoryStream)>();
        await _decodes.WaitAsync(ct);
        try
        {
            image.Position = 0;
            using var picture = await Image.LoadAsync<Rgba32>(_images, image, ct);
            var side = Math.Min(picture.Width, picture.Height);
            picture.Mutate(x => x.Crop(new Rectangle((picture.Width - side) / 2, (picture.Height - side) / 2, side, side)));
            foreach (var size in sizes.OrderDescending())
            {
                picture.Mutate(x => x.Resize(size, size));
                var output = new MemoryStream();
                copies.Add((size, output));
                await picture.SaveAsPngAsync(output, ct); // also drops every metadata block of the original
                output.Position = 0;
            }

            return copies;
        }
        catch (Exception ex) when (ex is InvalidMemoryOperationException or ImageFormatException or NotSupportedException or InvalidDataException)
        {
            throw DecodeFailed(ex, copies);
        }
        finally
        {
            _decodes.Release();
        }
    }

    /// <summary>The copies made so far are dropped; the error says whether the picture was too large to decode or damaged.</summary>
    private static ValidationFailedException DecodeFailed(Exception ex, List<(int, MemoryStream)> copies)
    {
        copies.ForEach(c => ((IDisposable)c.Item2).Dispose());
        return ex is InvalidMemoryOperationException ? Invalid("The image needs more memory to decode than is allowed.") : Invalid("The image could not be read; it may be damaged.");
    }

    private static SixLabors.ImageSharp.Formats.IImageEncoder EncoderFor(MediaFormat format) =>
        format == MediaFormat.Png ? new PngEncoder()
        : format == MediaFormat.WebP ? new WebpEncoder { Quality = 85 }
        : new JpegEncoder { Quality = 85 };

    public static ValidationFailedException Invalid(string message) => new(new Dictionary<string, string[]> { [Field] = [message] }, message);

    public void Dispose() => _decodes.Dispose();
}
