using System.ComponentModel.DataAnnotations;

namespace AdPilot.Core.Creatives;

/// <summary>Section <c>Creatives</c>: upload limits and URL lifetimes.</summary>
public sealed class CreativeOptions
{
    public const string Section = "Creatives";

    [Range(1, long.MaxValue, ErrorMessage = "Creatives:MaxImageBytes must be positive.")]
    public long MaxImageBytes { get; set; } = 30L * 1024 * 1024;

    [Range(1, long.MaxValue, ErrorMessage = "Creatives:MaxVideoBytes must be positive.")]
    public long MaxVideoBytes { get; set; } = 500L * 1024 * 1024;

    /// <summary>
    /// Largest picture (width × height) accepted: 25 MP, several times what any ad placement displays (ADR 012); a
    /// decode costs at most about 3 bytes a pixel, so this also bounds the memory of one thumbnail.
    /// </summary>
    [Range(1, 250_000_000, ErrorMessage = "Creatives:MaxImagePixels must be between 1 and 250,000,000.")]
    public long MaxImagePixels { get; set; } = 25_000_000;

    /// <summary>Frames × canvas pixels of an animated image: what decoding every frame would cost, refused above this.</summary>
    [Range(1, long.MaxValue, ErrorMessage = "Creatives:MaxAnimationPixels must be positive.")]
    public long MaxAnimationPixels { get; set; } = 100_000_000;

    /// <summary>Images decoded at once (for thumbnails); further uploads wait their turn.</summary>
    [Range(1, 64, ErrorMessage = "Creatives:MaxConcurrentDecodes must be between 1 and 64.")]
    public int MaxConcurrentDecodes { get; set; } = 2;

    /// <summary>Memory the image decoder may keep pooled between decodes; anything above is returned to the OS.</summary>
    [Range(0, 4096, ErrorMessage = "Creatives:ImagePoolMegabytes must be between 0 and 4096.")]
    public int ImagePoolMegabytes { get; set; } = 16;

    [Range(16, 4096, ErrorMessage = "Creatives:ThumbnailWidth must be between 16 and 4096.")]
    public int ThumbnailWidth { get; set; } = 320;

    /// <summary>How long a presigned upload URL stays valid.</summary>
    public TimeSpan UploadUrlLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long the view URLs in API answers stay valid.</summary>
    public TimeSpan ViewUrlLifetime { get; set; } = TimeSpan.FromHours(1);

    public long MaxBytes => Math.Max(MaxImageBytes, MaxVideoBytes);

    public long MaxBytesFor(CreativeType type) => type == CreativeType.Image ? MaxImageBytes : MaxVideoBytes;
}
