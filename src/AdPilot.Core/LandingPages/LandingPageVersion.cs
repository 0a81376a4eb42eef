using AdPilot.Core.Common;

namespace AdPilot.Core.LandingPages;

/// <summary>One publish of a landing page: the document as it was published. Rolling back copies it into the draft.</summary>
public sealed class LandingPageVersion : IOwned
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public long LandingPageId { get; set; }

    /// <summary>1, 2, 3… per page.</summary>
    public int Version { get; set; }

    public string ContentJson { get; set; } = "{}";

    /// <summary>Size of the rendered HTML in bytes.</summary>
    public int HtmlBytes { get; set; }

    public DateTime PublishedAt { get; set; }
}
