using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace AdPilot.Core.Creatives;

public sealed record CreativeView(
    long Id, string Name, CreativeType Type, CreativeStatus Status, string ContentType, long FileSize,
    int? Width, int? Height, double? DurationSeconds, int? QualityScore, IReadOnlyList<ScoreReason> ScoreReasons,
    IReadOnlyList<string> SuggestedTags, IReadOnlyList<string> Tags, string Url, string? ThumbnailUrl,
    DateTime CreatedAt, DateTime UpdatedAt)
{
    public static CreativeView Of(Creative c, Storage.IObjectStorage storage, TimeSpan urlLifetime)
    {
        var notes = QualityNotes.Parse(c.QualityNotes);
        return new(c.Id, c.Name, c.Type, c.Status, c.ContentType, c.FileSize, c.Width, c.Height, c.DurationSeconds, c.QualityScore,
            notes.Reasons, notes.SuggestedTags, c.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal).ToList(),
            storage.SignedGetUrl(c.StorageKey, urlLifetime), c.ThumbnailKey is null ? null : storage.SignedGetUrl(c.ThumbnailKey, urlLifetime),
            c.CreatedAt, c.UpdatedAt);
    }
}

/// <summary>The scorer's reasons and suggested tags, kept as JSON in <see cref="Creative.QualityNotes"/>.</summary>
internal sealed record QualityNotes(IReadOnlyList<ScoreReason> Reasons, IReadOnlyList<string> SuggestedTags)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static QualityNotes Parse(string? json) =>
        (string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<QualityNotes>(json, Json)) ?? new QualityNotes([], []);

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <summary>Name and tags given with an upload; the name defaults to the file name.</summary>
public sealed record CreateCreativeRequest
{
    [StringLength(200, ErrorMessage = "Name is at most 200 characters.")]
    public string? Name { get; init; }

    [CreativeTags]
    public IReadOnlyList<string>? Tags { get; init; }
}

/// <summary>Turns a finished presigned upload (the key from <c>upload-url</c>) into a creative.</summary>
public sealed record CompleteUploadRequest
{
    [Required(ErrorMessage = "uploadKey is required.")]
    public string UploadKey { get; init; } = "";

    [StringLength(200, ErrorMessage = "Name is at most 200 characters.")]
    public string? Name { get; init; }

    [CreativeTags]
    public IReadOnlyList<string>? Tags { get; init; }
}

public sealed record UploadUrlRequest
{
    [Required(ErrorMessage = "contentType is required.")]
    public string ContentType { get; init; } = "";

    /// <summary>The exact byte count the browser will send: checked against the limits and signed into the URL (ADR 012).</summary>
    [Required(ErrorMessage = "size is required: the exact number of bytes you will PUT.")]
    [Range(1, long.MaxValue, ErrorMessage = "size must be positive.")]
    public long? Size { get; init; }
}

/// <summary>Where and how to PUT the file, and the key to complete the upload with before <see cref="ExpiresAt"/>.</summary>
public sealed record UploadTicket(string UploadKey, string UploadUrl, string Method, IReadOnlyDictionary<string, string> Headers, DateTime ExpiresAt);

/// <summary>PATCH semantics: a null field stays as it is; tags, when given, replace the old ones.</summary>
public sealed record UpdateCreativeRequest
{
    [StringLength(200, MinimumLength = 1, ErrorMessage = "Name is 1 to 200 characters.")]
    public string? Name { get; init; }

    [CreativeTags]
    public IReadOnlyList<string>? Tags { get; init; }

    public CreativeStatus? Status { get; init; }
}

public enum CreativeSort
{
    Newest,
    Oldest,
    Name,
    Score,
}

public sealed record CreativeQuery
{
    public CreativeType? Type { get; init; }

    public CreativeStatus? Status { get; init; }

    /// <summary>Creatives carrying every one of these tags.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Created at or after (UTC).</summary>
    public DateTime? CreatedFrom { get; init; }

    /// <summary>Created before (UTC).</summary>
    public DateTime? CreatedTo { get; init; }

    [StringLength(200)]
    public string? Search { get; init; }

    public CreativeSort Sort { get; init; } = CreativeSort.Newest;

    [Range(1, int.MaxValue, ErrorMessage = "page starts at 1.")]
    public int Page { get; init; } = 1;

    [Range(1, 100, ErrorMessage = "pageSize is 1 to 100.")]
    public int PageSize { get; init; } = 20;
}
