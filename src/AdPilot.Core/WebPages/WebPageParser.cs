using System.Text;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Io;

namespace AdPilot.Core.WebPages;

/// <summary>
/// Reads an HTML document with AngleSharp (a spec-following HTML5 parser) into <see cref="WebPageContent"/>. Nothing in the
/// page runs: the browsing context has no scripting engine and no loader, so no script, style sheet, frame or image is
/// fetched. Only text comes out, bounded; the walk is iterative, so a deeply nested page cannot exhaust the stack. Parsing
/// honours the token: HTML5's tree building costs time that grows with the square of unclosed nesting, so the caller bounds it.
/// </summary>
internal static class WebPageParser
{
    public const int MaxHeadings = 20;
    public const int MaxLinks = 30;
    public const int MaxCallsToAction = 15;
    public const int MaxForms = 10;
    public const int MaxOpenGraph = 20;
    public const int ExcerptChars = 1_500;

    private static readonly HashSet<string> Hidden = ["script", "style", "noscript", "template", "svg", "iframe", "object", "head", "canvas"];

    public static async Task<WebPageContent> ParseAsync(Stream html, Uri url, string contentType, string? charset, CancellationToken ct)
    {
        using var context = BrowsingContext.New(Configuration.Default);
        using var document = await context.OpenAsync(response =>
        {
            response.Content(html, shouldDispose: false).Address(url).Header(HeaderNames.ContentType, charset is null ? contentType : $"{contentType}; charset={charset}");
        }, ct);

        var walk = Walk(document.Body);
        var main = document.QuerySelector("main") ?? document.QuerySelector("article") ?? document.QuerySelector("[role=main]");
        var excerpt = main is null ? walk.Text : Walk(main).Text;
        var links = document.QuerySelectorAll("a[href]").OfType<IHtmlAnchorElement>().ToList();
        var images = document.QuerySelectorAll("img").ToList();
        return new WebPageContent(
            Optional(document.Title, 300),
            Optional(Meta(document, "meta[name=description]"), 500),
            Optional(document.DocumentElement?.GetAttribute("lang") ?? Meta(document, "meta[http-equiv=content-language]"), 35),
            [.. document.QuerySelectorAll("meta[property^='og:']")
                .Select(m => new MetaTag(PageText.Clean(m.GetAttribute("property"), 60), PageText.Clean(m.GetAttribute("content"), 500)))
                .Where(m => m.Content.Length > 0).DistinctBy(m => m.Property).Take(MaxOpenGraph)],
            [.. document.QuerySelectorAll("h1, h2").Select(h => new PageHeading(h.LocalName == "h1" ? 1 : 2, PageText.Clean(h.TextContent, 200)))
                .Where(h => h.Text.Length > 0).Take(MaxHeadings)],
            document.QuerySelectorAll("h1").Count(h => PageText.Clean(h.TextContent, 10).Length > 0),
            PageText.Clean(excerpt, ExcerptChars),
            PageText.Words(walk.Text),
            links.Count,
            [.. links.Select(a => (Href: CallsToActionFinder.WebLink(a.Href), a.TextContent)).Where(a => a.Href is not null)
                .Select(a => new PageLink(PageText.Clean(a.TextContent, 100), a.Href!)).DistinctBy(l => l.Href).Take(MaxLinks)],
            [.. walk.Actions.DistinctBy(c => (c.Text, c.Href)).Take(MaxCallsToAction)],
            [.. document.Forms.Take(MaxForms).Select(Form)],
            images.Count,
            images.Count(i => !i.HasAttribute("alt")),
            Optional(Meta(document, "meta[name=viewport]"), 200));
    }

    private static string? Meta(IDocument document, string selector) => document.QuerySelector(selector)?.GetAttribute("content");

    private static string? Optional(string? text, int max) => PageText.Clean(text, max) is { Length: > 0 } clean ? clean : null;

    private static PageForm Form(IHtmlFormElement form)
    {
        var fields = form.Elements.Where(e => e switch
        {
            IHtmlInputElement input => input.Type is not ("hidden" or "submit" or "button" or "reset" or "image"),
            IHtmlSelectElement or IHtmlTextAreaElement => true,
            _ => false,
        }).ToList();
        var types = fields.Select(f => f is IHtmlInputElement input ? input.Type : f.LocalName).Distinct().Take(10).ToList();
        var action = Uri.TryCreate(new Uri(form.BaseUri), form.Action ?? "", out var resolved) ? CallsToActionFinder.WebLink(resolved.AbsoluteUri) : null;
        return new PageForm(action, string.IsNullOrEmpty(form.Method) ? "get" : form.Method.ToLowerInvariant(), fields.Count, types);
    }

    /// <summary>The visible text in document order, and each call to action with whether it came before the fold (the first words).</summary>
    private static (string Text, List<CallToAction> Actions) Walk(IElement? root)
    {
        var text = new StringBuilder();
        var actions = new List<CallToAction>();
        if (root is null)
        {
            return ("", actions);
        }

        var words = 0;
        var stack = new Stack<INode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IText t)
            {
                text.Append(t.Data).Append(' ');
                words += PageText.Words(t.Data);
                continue;
            }

            if (node is not IElement element || Hidden.Contains(element.LocalName) || element.HasAttribute("hidden"))
            {
                continue;
            }

            if (CallsToActionFinder.Of(element) is { } action)
            {
                actions.Add(new CallToAction(action.Text, action.Href, action.Kind, words < LandingPageScorer.FoldWords));
            }

            for (var i = element.ChildNodes.Length - 1; i >= 0; i--)
            {
                stack.Push(element.ChildNodes[i]);
            }

            if (element.LocalName is "p" or "div" or "li" or "br" or "h1" or "h2" or "h3" or "section" or "tr")
            {
                text.Append(' ');
            }
        }

        return (text.ToString(), actions);
    }
}
