using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Ganss.Xss;

namespace AdPilot.Core.LandingPages;

/// <summary>
/// The rich-text subset of a page (docs/decisions/031): p, br, strong/b, em/i, u, a (http(s), mailto:, tel:), span with
/// a colour only, ul/ol/li. HtmlSanitizer (a maintained allow-list sanitiser over AngleSharp's HTML5 parser) removes
/// everything else; it runs when the draft is saved and again when the page is rendered. Built once; safe to share.
/// </summary>
public static partial class PageRichText
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    public static string Sanitize(string? html) => string.IsNullOrEmpty(html) ? "" : Sanitizer.Sanitize(html);

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "p", "br", "strong", "b", "em", "i", "u", "a", "span", "ul", "ol", "li" },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "style" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "color" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto", "tel" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
        });
        sanitizer.FilterUrl += (_, e) =>
        {
            if (!PageUrls.IsLink(e.SanitizedUrl) || e.SanitizedUrl!.StartsWith('#'))
            {
                e.SanitizedUrl = null;
            }
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is not IElement element)
            {
                return;
            }

            if (element.LocalName == "a" && element.HasAttribute("href"))
            {
                element.SetAttribute("rel", "nofollow noopener");
            }

            if (element.LocalName != "a")
            {
                element.RemoveAttribute("href");
            }

            if (element.GetAttribute("style") is { } style && (element.LocalName != "span" || !ColorOnly().IsMatch(style)))
            {
                element.RemoveAttribute("style");
            }
        };
        return sanitizer;
    }

    /// <summary>What the sanitiser leaves of a colour: one <c>color</c> declaration of a hex, rgb() or named colour.</summary>
    [GeneratedRegex("^color: ?(#[0-9A-Fa-f]{3,8}|rgba?\\([0-9., %]{5,40}\\)|[A-Za-z]{3,20});?$", RegexOptions.CultureInvariant, 50)]
    private static partial Regex ColorOnly();
}
