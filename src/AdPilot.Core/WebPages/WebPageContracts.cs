using AdPilot.Core.Creatives;

namespace AdPilot.Core.WebPages;

/// <summary>
/// What AdPilot read from a public web page (a landing page or a competitor's ad page): plain text only, every list and
/// text bounded, and a landing-page score with its reasons (<see cref="LandingPageScorer"/>).
/// </summary>
public sealed record WebPageReport(
    string Url,
    string FinalUrl,
    int Status,
    bool Https,
    string ContentType,
    long PageBytes,
    int FetchMilliseconds,
    WebPageContent Page,
    LandingPageScore Score);

/// <summary>What the HTML says: plain text, every list and text bounded (<see cref="WebPageParser"/>).</summary>
public sealed record WebPageContent(
    string? Title,
    string? Description,
    string? Language,
    IReadOnlyList<MetaTag> OpenGraph,
    IReadOnlyList<PageHeading> Headings,
    int H1Count,
    string TextExcerpt,
    int WordCount,
    int LinkCount,
    IReadOnlyList<PageLink> Links,
    IReadOnlyList<CallToAction> CallsToAction,
    IReadOnlyList<PageForm> Forms,
    int ImageCount,
    int ImagesWithoutAlt,
    string? Viewport)
{
    /// <summary>A viewport with width=device-width: the page adapts to phones.</summary>
    public bool MobileViewport => Viewport?.Replace(" ", "", StringComparison.Ordinal).Contains("width=device-width", StringComparison.OrdinalIgnoreCase) == true;
}

/// <summary>An Open Graph tag (<c>og:title</c>, <c>og:image</c>…).</summary>
public sealed record MetaTag(string Property, string Content);

/// <summary>An h1 or h2 heading, in page order.</summary>
public sealed record PageHeading(int Level, string Text);

/// <summary>A link to an http(s) page (absolute), with its text.</summary>
public sealed record PageLink(string Text, string Href);

/// <summary>
/// A button or a link that asks for an action ("Buy now", "Start free trial", "立即购买"); <paramref name="AboveFold"/>
/// when it comes before the first <see cref="LandingPageScorer.FoldWords"/> words of the page's text.
/// </summary>
public sealed record CallToAction(string Text, string? Href, string Kind, bool AboveFold);

/// <summary>A form: where it posts, how, and its visible fields (types such as email, tel, text, select, textarea).</summary>
public sealed record PageForm(string? Action, string Method, int Fields, IReadOnlyList<string> FieldTypes);

/// <summary>0–100 with one reason per rule (the same shape as a creative's score).</summary>
public sealed record LandingPageScore(int Score, IReadOnlyList<ScoreReason> Reasons);
