using System.ComponentModel.DataAnnotations;

namespace AdPilot.Core.LandingPages;

/// <summary>Views, clicks and leads over some days; conversion rate = leads ÷ views (null with no views), 4 decimals.</summary>
public sealed record PageTotals(long Views, long Clicks, long Leads, decimal? ConversionRate)
{
    public static readonly PageTotals None = new(0, 0, 0, null);

    public static PageTotals Of(long views, long clicks, long leads) =>
        new(views, clicks, leads, views == 0 ? null : Math.Round((decimal)leads / views, 4, MidpointRounding.AwayFromZero));
}

/// <summary>A list card: no document, totals over all time.</summary>
public sealed record LandingPageSummary(
    long Id, string Name, string Slug, LandingPageStatus Status, string ThemeColor, string? PublishedUrl, int? PublishedVersion,
    DateTime? PublishedAt, DateTime CreatedAt, DateTime UpdatedAt, PageTotals Totals);

/// <summary>One page with its draft document. <c>HasUnpublishedChanges</c>: the draft differs from the live version.</summary>
public sealed record LandingPageView(
    long Id, string Name, string Slug, LandingPageStatus Status, LandingPageDocument Document, string? PublishedUrl,
    int? PublishedVersion, DateTime? PublishedAt, bool HasUnpublishedChanges, bool NotifyOnLead, DateTime CreatedAt,
    DateTime UpdatedAt, PageTotals Totals);

public sealed record LandingPageVersionView(int Version, DateTime PublishedAt, int HtmlBytes, bool Live);

public sealed record LeadView(long Id, long LandingPageId, DateTime CreatedAt, string? Email, IReadOnlyDictionary<string, string> Fields);

public sealed record PageDayStats(DateOnly Date, long Views, long Clicks, long Leads, decimal? ConversionRate);

public sealed record LandingPageStats(long LandingPageId, DateOnly From, DateOnly To, IReadOnlyList<PageDayStats> Days, PageTotals Totals);

public enum LandingPageSort
{
    Updated,
    Created,
    Name,
    Views,
    ConversionRate,
}

public sealed record LandingPageQuery
{
    public LandingPageStatus? Status { get; init; }

    /// <summary>Matches the name or the slug.</summary>
    [StringLength(100, ErrorMessage = "search is at most 100 characters.")]
    public string? Search { get; init; }

    public LandingPageSort Sort { get; init; } = LandingPageSort.Updated;

    [Range(1, 10_000, ErrorMessage = "page is between 1 and 10000.")]
    public int Page { get; init; } = 1;

    [Range(1, 100, ErrorMessage = "pageSize is between 1 and 100.")]
    public int PageSize { get; init; } = 20;
}

/// <summary>
/// A new page: from a template (<see cref="LandingPageTemplates"/>), from a document, or blank. The slug defaults to one
/// made from the name (made unique with a number when taken).
/// </summary>
public sealed record CreateLandingPageRequest
{
    [Required(ErrorMessage = "name is required.")]
    [StringLength(200, MinimumLength = 1, ErrorMessage = "name is 1 to 200 characters.")]
    public string Name { get; init; } = "";

    [Slug]
    public string? Slug { get; init; }

    /// <summary>lead_generation, product_launch, webinar_signup or app_download; ignored when a document is given.</summary>
    [StringLength(40, ErrorMessage = "template is at most 40 characters.")]
    public string? Template { get; init; }

    /// <summary>The template's language: en (default) or zh-CN.</summary>
    [RegularExpression("^(en|zh-CN)$", ErrorMessage = "language must be en or zh-CN.")]
    public string? Language { get; init; }

    public LandingPageDocument? Document { get; init; }
}

/// <summary>Changes to a page; null leaves a field as it is. The document replaces the draft whole.</summary>
public sealed record UpdateLandingPageRequest
{
    [StringLength(200, MinimumLength = 1, ErrorMessage = "name is 1 to 200 characters.")]
    public string? Name { get; init; }

    [Slug]
    public string? Slug { get; init; }

    public LandingPageDocument? Document { get; init; }

    public bool? NotifyOnLead { get; init; }

    /// <summary>
    /// The <c>updatedAt</c> the editor last loaded or saved: when the page has changed since (another tab, the agent), the
    /// update is refused with 409 <c>edit_conflict</c> instead of overwriting it. Omit to overwrite.
    /// </summary>
    public DateTime? BaseUpdatedAt { get; init; }
}

/// <summary>A slug: 3 to 60 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class SlugAttribute : ValidationAttribute
{
    public const string Pattern = "^[a-z0-9]+(-[a-z0-9]+)*$";

    // Linear-time matching, no wall-clock timeout: a loaded host must never turn a valid slug into an error.
    private static readonly System.Text.RegularExpressions.Regex Rule = new(Pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.NonBacktracking);

    public SlugAttribute() : base("slug is 3 to 60 lower-case letters, digits and single hyphens, e.g. spring-sale.") { }

    public override bool IsValid(object? value) => value switch
    {
        null => true,
        string s => IsSlug(s),
        _ => false,
    };

    public static bool IsSlug(string s) => s.Length is >= 3 and <= 60 && Rule.IsMatch(s);
}
