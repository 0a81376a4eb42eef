using AdPilot.Core.Common;

namespace AdPilot.Core.Creatives;

/// <summary>An image or video in the user's library; the bytes live in object storage under <see cref="StorageKey"/>.</summary>
public sealed class Creative : IOwned
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public string Name { get; set; } = "";
    public CreativeType Type { get; set; }
    public CreativeStatus Status { get; set; } = CreativeStatus.Active;
    public string StorageKey { get; set; } = "";
    public string? ThumbnailKey { get; set; }
    public string ContentType { get; set; } = "";
    public long FileSize { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
    public double? DurationSeconds { get; set; }
    public int? QualityScore { get; set; }
    public string? QualityNotes { get; set; }
    public List<CreativeTag> Tags { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public sealed class CreativeTag
{
    public long CreativeId { get; set; }
    public string Tag { get; set; } = "";
}

public enum CreativeType
{
    Image,
    Video,
}

public enum CreativeStatus
{
    Processing,
    Active,
    Archived,
}
