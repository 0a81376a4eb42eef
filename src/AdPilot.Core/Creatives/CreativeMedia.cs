using AdPilot.Core.Common;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Processing;

namespace AdPilot.Core.Creatives;

/// <summary>What an uploaded file turned out to be, judged by its content.</summary>
public sealed record MediaFacts(MediaFormat Format, long Size, int? Width, int? Height, double? DurationSeconds)
{
    public CreativeFacts ToCreativeFacts() => new(Format.Type, Width, Height, Size, DurationSeconds);
}

/// <summary>Validates an upload by its bytes (format, size limits, readable dimensions/duration) and makes image thumbnails.</summary>
public static class CreativeMedia
{
    public const string Field = "file";

    /// <summary>Inspects a seekable stream from its start; throws <see cref="ValidationFailedException"/> on field <c>file</c>.</summary>
    public static async Task<MediaFacts> InspectAsync(Stream file, CreativeOptions options, CancellationToken ct = default)
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
        var limit = options.MaxBytesFor(format.Type);
        if (size > limit)
        {
            throw Invalid($"The {format.Type.ToString().ToLowerInvariant()} is {size:N0} bytes; the limit is {limit:N0} bytes.");
        }

        file.Position = 0;
        if (format.Type == CreativeType.Image)
        {
            var (width, height) = await ImageSizeAsync(file, options, ct);
            return new MediaFacts(format, size, width, height, null);
        }

        if (format.IsIsoMedia)
        {
            var movie = Mp4Info.Read(file) ?? throw Invalid("The video could not be read: its duration or picture size is missing or damaged.");
            return new MediaFacts(format, size, movie.Width, movie.Height, movie.DurationSeconds);
        }

        return new MediaFacts(format, size, null, null, null); // WebM: recognised, not parsed
    }

    private static async Task<(int Width, int Height)> ImageSizeAsync(Stream file, CreativeOptions options, CancellationToken ct)
    {
        IImageInfo? info;
        try
        {
            info = await Image.IdentifyAsync(file, ct);
        }
        catch (Exception ex) when (ex is ImageFormatException or NotSupportedException or InvalidDataException or EndOfStreamException)
        {
            info = null;
        }

        if (info is not { Width: > 0, Height: > 0 })
        {
            throw Invalid("The image could not be read; it may be damaged.");
        }

        if ((long)info.Width * info.Height > options.MaxImagePixels)
        {
            throw Invalid($"The image is {info.Width}×{info.Height}; at most {options.MaxImagePixels:N0} pixels are accepted.");
        }

        return (info.Width, info.Height);
    }

    /// <summary>A JPEG at most <paramref name="width"/> pixels wide, of the first frame; null when the image cannot be decoded.</summary>
    public static async Task<MemoryStream?> ThumbnailAsync(Stream image, int width, CancellationToken ct = default)
    {
        image.Position = 0;
        try
        {
            using var loaded = await Image.LoadAsync(image, ct);
            using var frame = loaded.Frames.Count > 1 ? loaded.Frames.CloneFrame(0) : loaded.Clone(_ => { });
            if (frame.Width > width)
            {
                frame.Mutate(x => x.Resize(width, 0));
            }

            var output = new MemoryStream();
            await frame.SaveAsJpegAsync(output, new JpegEncoder { Quality = 80 }, ct);
            output.Position = 0;
            return output;
        }
        catch (Exception ex) when (ex is ImageFormatException or NotSupportedException or InvalidDataException)
        {
            return null;
        }
    }

    public static ValidationFailedException Invalid(string message) => new(new Dictionary<string, string[]> { [Field] = [message] }, message);
}
