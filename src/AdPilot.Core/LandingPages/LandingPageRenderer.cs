using System.Text;

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
    public static string Render(LandingPageDocument document, RenderContext context)
    {
        var language = document.Language == "zh-CN" ? "zh-CN" : "en";
        var writer = new PageBlockWriter(context, PageMessages.For(language));
        var body = writer.Body(document.Blocks ?? []);
        var seo = document.Seo ?? new PageSeo();
        var title = NonEmpty(seo.Title) ?? NonEmpty(document.Blocks?.FirstOrDefault(b => b.Type == BlockType.Hero)?.Title) ?? "";
        var socialImage = writer.AbsoluteImage(seo.SocialImageUrl);
        var canonical = PageUrls.IsHttp(context.CanonicalUrl) ? context.CanonicalUrl : null;

        var html = new StringBuilder(8192 + body.Length);
        html.Append("<!doctype html><html").Attr("lang", language).Append("><head><meta charset=\"utf-8\">");
        html.Append("<meta http-equiv=\"Content-Security-Policy\"").Attr("content", PagePolicy.For(context, writer.ImageOrigins)).Append('>');
        html.Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">");
        html.Append("<title>").Text(title).Append("</title>");
        if (context.Preview)
        {
            html.Append("<meta name=\"robots\" content=\"noindex\">");
        }

        if (NonEmpty(seo.Description) is { } description)
        {
            html.Append("<meta name=\"description\"").Attr("content", description).Append('>');
            html.Append("<meta property=\"og:description\"").Attr("content", description).Append('>');
        }

        html.Append("<meta property=\"og:type\" content=\"website\"><meta property=\"og:title\"").Attr("content", title).Append('>');
        if (socialImage is not null)
        {
            html.Append("<meta property=\"og:image\"").Attr("content", socialImage).Append('>');
        }

        if (canonical is not null)
        {
            html.Append("<meta property=\"og:url\"").Attr("content", canonical).Append('>');
            html.Append("<link rel=\"canonical\"").Attr("href", canonical).Append('>');
        }

        html.Append("<style>").Append(PageStyles.For(document.Theme)).Append("</style></head><body");
        if (!context.Preview)
        {
            html.Attr("data-events", context.BaseUrl + LandingPageRoutes.Events(context.Slug));
        }

        html.Append('>').Append(body);
        if (!context.Preview)
        {
            html.Append("<script>").Append(PageScript.Text).Append("</script>");
        }

        return html.Append("</body></html>").ToString();
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
