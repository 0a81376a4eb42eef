using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AdPilot.Web.Features.Chat;

/// <summary>
/// The agent's Markdown as safe HTML (docs/decisions/029): Markdig with raw HTML disabled, then HtmlSanitizer allowing only
/// what that Markdown produces. Links open in a new tab without the opener; images only from the app's own origin.
/// The pipeline and the sanitiser are built once and are safe to share between circuits.
/// </summary>
public static class ChatMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoLinks()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
        .UseCjkFriendlyEmphasis()
        .UseSoftlineBreakAsHardlineBreak()
        .DisableHtml()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>The HTML of <paramref name="markdown"/>; images that are not on <paramref name="origin"/> are left out (their alt text stays).</summary>
    public static string ToHtml(string markdown, Uri origin)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        KeepOwnImages(document, origin);
        return Sanitizer.Sanitize(Markdown.ToHtml(document, Pipeline));
    }

    /// <summary>An image from elsewhere would tell another site who reads the answer (and when); it becomes its alt text.</summary>
    private static void KeepOwnImages(MarkdownDocument document, Uri origin)
    {
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage).ToList())
        {
            if (OwnPath(image.Url, origin) is { } path)
            {
                image.Url = path;
                continue;
            }

            var alt = string.Concat(image.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
            image.ReplaceBy(new LiteralInline(alt));
        }
    }

    /// <summary>The path of a URL on the app's own origin (relative, or absolute with the same scheme, host and port); null otherwise.</summary>
    internal static string? OwnPath(string? url, Uri origin)
    {
        if (string.IsNullOrEmpty(url) || url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '\\')
            || !Uri.TryCreate(origin, url, out var resolved)
            || resolved.Scheme is not ("http" or "https")
            || !string.Equals(resolved.GetLeftPart(UriPartial.Authority), origin.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return resolved.PathAndQuery + resolved.Fragment;
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "code", "pre", "blockquote",
                "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title", "src", "alt", "start" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
        });
        sanitizer.FilterUrl += (_, e) =>
        {
            // Images were narrowed to own paths before rendering; anything else that reaches here is not an own path.
            if (e.Tag.LocalName == "img" && !(e.SanitizedUrl is { } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)))
            {
                e.SanitizedUrl = null;
            }
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link && link.HasAttribute("href"))
            {
                link.SetAttribute("target", "_blank");
                link.SetAttribute("rel", "noopener noreferrer nofollow");
            }
            else if (e.Node is AngleSharp.Dom.IElement { LocalName: "img" } image && !image.HasAttribute("src"))
            {
                image.Remove();
            }
        };
        return sanitizer;
    }
}
