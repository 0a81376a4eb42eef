namespace AdPilot.Core.Creatives;

/// <summary>A file format recognised by its first bytes (never by its name), with the type and extension it is stored under.</summary>
public sealed record MediaFormat(CreativeType Type, string ContentType, string Extension)
{
    public static readonly MediaFormat Jpeg = new(CreativeType.Image, "image/jpeg", ".jpg");
    public static readonly MediaFormat Png = new(CreativeType.Image, "image/png", ".png");
    public static readonly MediaFormat Gif = new(CreativeType.Image, "image/gif", ".gif");
    public static readonly MediaFormat WebP = new(CreativeType.Image, "image/webp", ".webp");
    public static readonly MediaFormat Mp4 = new(CreativeType.Video, "video/mp4", ".mp4");
    public static readonly MediaFormat QuickTime = new(CreativeType.Video, "video/quicktime", ".mov");
    public static readonly MediaFormat WebM = new(CreativeType.Video, "video/webm", ".webm");

    public static readonly IReadOnlyList<MediaFormat> All = [Jpeg, Png, Gif, WebP, Mp4, QuickTime, WebM];

    /// <summary>How many leading bytes <see cref="Detect"/> looks at.</summary>
    public const int HeaderLength = 64;

    public bool IsIsoMedia => this == Mp4 || this == QuickTime;

    public static MediaFormat? ForContentType(string? contentType) =>
        All.FirstOrDefault(f => string.Equals(f.ContentType, contentType, StringComparison.OrdinalIgnoreCase));

    public static MediaFormat? Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8))
        {
            return Gif;
        }

        if (header.Length >= 12 && header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }

        if (header.Length >= 12 && header[4..8].SequenceEqual("ftyp"u8))
        {
            return header[8..12].SequenceEqual("qt  "u8) ? QuickTime : Mp4;
        }

        // EBML header whose DocType is "webm" (plain Matroska is not accepted).
        if (header.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]) && header.IndexOf("webm"u8) >= 0)
        {
            return WebM;
        }

        return null;
    }
}
