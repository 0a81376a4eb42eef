using AdPilot.Core.Common;

namespace AdPilot.Core.LandingPages;

/// <summary>
/// A landing page built in the visual editor (docs/decisions/031). <see cref="ContentJson"/> is the draft the editor saves
/// (a <see cref="LandingPageDocument"/>); publishing renders it to one HTML file in object storage and records a
/// <see cref="LandingPageVersion"/>.
/// </summary>
public sealed class LandingPage : IOwned
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public string Name { get; set; } = "";

    /// <summary>Globally unique (so unique per user too): the public URL <c>/p/{slug}</c> is built from it.</summary>
    public string Slug { get; set; } = "";

    public LandingPageStatus Status { get; set; } = LandingPageStatus.Draft;

    /// <summary>The editor's draft document (<see cref="LandingPageDocument"/>) as JSON.</summary>
    public string ContentJson { get; set; } = "{}";

    /// <summary>The theme's primary colour, kept beside the document for list cards.</summary>
    public string ThemeColor { get; set; } = "#1E88E5";

    /// <summary>Where the published page is read: the CDN/bucket URL (S3) or AdPilot's own <c>/p/{slug}</c> (local store).</summary>
    public string? PublishedUrl { get; set; }

    /// <summary>The storage key of the published HTML, so unpublishing or a new slug removes exactly that object.</summary>
    public string? PublishedKey { get; set; }

    /// <summary>The version now live (null while unpublished).</summary>
    public int? PublishedVersion { get; set; }

    /// <summary>Strong ETag of the published HTML (quoted SHA-256 prefix).</summary>
    public string? PublishedETag { get; set; }

    public DateTime? PublishedAt { get; set; }

    /// <summary>Whether each lead raises a notification to the owner.</summary>
    public bool NotifyOnLead { get; set; } = true;

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum LandingPageStatus
{
    Draft,
    Published,
    Archived,
}
