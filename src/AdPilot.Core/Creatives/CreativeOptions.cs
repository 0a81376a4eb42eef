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

    /// <summary>Refuses images that would take more memory than this to decode (decompression bombs).</summary>
    [Range(1, long.MaxValue, ErrorMessage = "Creatives:MaxImagePixels must be positive.")]
    public long MaxImagePixels { get; set; } = 100_000_000;

    [Range(16, 4096, ErrorMessage = "Creatives:ThumbnailWidth must be between 16 and 4096.")]
    public int ThumbnailWidth { get; set; } = 320;

    /// <summary>How long a presigned upload URL stays valid.</summary>
    public TimeSpan UploadUrlLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long the view URLs in API answers stay valid.</summary>
    public TimeSpan ViewUrlLifetime { get; set; } = TimeSpan.FromHours(1);

    public long MaxBytes => Math.Max(MaxImageBytes, MaxVideoBytes);

    public long MaxBytesFor(CreativeType type) => type == CreativeType.Image ? MaxImageBytes : MaxVideoBytes;
}
