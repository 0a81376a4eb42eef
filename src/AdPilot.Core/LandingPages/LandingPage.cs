using AdPilot.Core.Common;

namespace AdPilot.Core.LandingPages;

/// <summary>A landing page built in the visual editor; publishing renders it to HTML in object storage.</summary>
public sealed class LandingPage : IOwned
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public string Name { get; set; } = "";

    /// <summary>Globally unique: the public URL is built from it.</summary>
    public string Slug { get; set; } = "";

    public LandingPageStatus Status { get; set; } = LandingPageStatus.Draft;

    /// <summary>The editor's document (blocks and theme) as JSON.</summary>
    public string ContentJson { get; set; } = "{}";

    public string ThemeColor { get; set; } = "#1E88E5";
    public string? PublishedUrl { get; set; }
    public DateTime? PublishedAt { get; set; }
    public long Visits { get; set; }
    public long Conversions { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum LandingPageStatus
{
    Draft,
    Published,
    Archived,
}
