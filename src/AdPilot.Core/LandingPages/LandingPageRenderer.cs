namespace AdPilot.Core.LandingPages;

/// <summary>How one render is addressed.</summary>
/// <param name="PageId">The page's id (asset URLs).</param>
/// <param name="Slug">The page's slug (beacon and form URLs).</param>
/// <param name="BaseUrl">Prefix for the beacon and form URLs: empty for same-origin, else AdPilot's public base (no trailing slash).</param>
/// <param name="CanonicalUrl">The page's public URL, for canonical and og:url; null in previews.</param>
/// <param name="AssetUrl">Maps an image file (<see cref="PageImages"/>) to the URL the HTML uses.</param>
/// <param name="Preview">True in the editor: no beacon, the form does not submit, nothing is counted.</param>
public sealed record RenderContext(long PageId, string Slug, string BaseUrl, string? CanonicalUrl, Func<string, string> AssetUrl, bool Preview);

/// <summary>
/// Renders a <see cref="LandingPageDocument"/> to one static HTML file (docs/decisions/031): inline CSS, responsive images,
/// no script except the small beacon and form submit; every user-supplied value escaped or sanitised.
/// </summary>
public static class LandingPageRenderer
{
    public static string Render(LandingPageDocument document, RenderContext context) => throw new NotImplementedException("#15");
}
