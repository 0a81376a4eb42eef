using AdPilot.Web.Features.Chat;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace AdPilot.Web.Tests.Chat;

/// <summary>The agent's Markdown as HTML: what Markdown is for renders, anything that could run script or leak the reader does not.</summary>
public sealed class ChatMarkdownTests
{
    private static readonly Uri Origin = new("https://app.example.com/");

    private static string Html(string markdown) => ChatMarkdown.ToHtml(markdown, Origin);

    private static IElement Dom(string markdown) => new HtmlParser().ParseDocument("<body>" + Html(markdown) + "</body>").Body!;

    [Fact]
    public void ToHtml_TablesListsCodeAndEmphasis_Render()
    {
        var html = Html("""
            **Top** campaigns, ~~old~~:

            | Campaign | Spend |
            |---|--:|
            | Spring | 120.50 |

            1. first
            2. second

            - a
            - b

            `inline` and

            ```json
            {"a": 1}
            ```
            """);

        Assert.Contains("<strong>Top</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<del>old</del>", html, StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Spring</td>", html, StringComparison.Ordinal);
        Assert.Contains("<ol>", html, StringComparison.Ordinal);
        Assert.Contains("<ul>", html, StringComparison.Ordinal);
        Assert.Contains("<code>inline</code>", html, StringComparison.Ordinal);
        Assert.Contains("<pre><code>{\"a\": 1}", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Hi <script src=\"https://evil.example/x.js\"></script> there")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"https://example.com\" onclick=\"alert(1)\">x</a>")]
    [InlineData("<p style=\"background:url(javascript:alert(1))\">styled</p>")]
    [InlineData("<div onmouseover=\"alert(1)\">hover</div>")]
    public void ToHtml_RawHtml_IsShownAsTextNeverAsMarkup(string markdown)
    {
        var body = Dom(markdown);

        Assert.Empty(body.QuerySelectorAll("script, iframe, img, div, object, embed"));
        Assert.All(body.QuerySelectorAll("*"), e => Assert.DoesNotContain(e.Attributes, a => a.Name.StartsWith("on", StringComparison.Ordinal) || a.Name == "style"));
        Assert.Equal(markdown, body.TextContent.Trim()); // shown as the text it is
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](vbscript:msgbox(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[click](<javascript&#58;alert(1)>)")]
    [InlineData("[click](&#106;avascript:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    public void ToHtml_ScriptLinks_LoseTheirHref(string markdown)
    {
        var body = Dom(markdown);

        Assert.Empty(body.QuerySelectorAll("[href], [src]"));
    }

    [Theory]
    [InlineData("[AdPilot docs](https://docs.example.com/a?b=1)", "https://docs.example.com/a?b=1")]
    [InlineData("See https://www.example.com/page for more", "https://www.example.com/page")]
    [InlineData("<https://example.org>", "https://example.org")]
    [InlineData("[write](mailto:help@example.com)", "mailto:help@example.com")]
    [InlineData("[campaign](/campaigns/12)", "/campaigns/12")]
    public void ToHtml_Links_KeepTheirTarget_AndOpenSafelyInANewTab(string markdown, string href)
    {
        var html = Html(markdown);

        Assert.Contains($"href=\"{href}\"", html, StringComparison.Ordinal);
        Assert.Contains("target=\"_blank\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("![chart](/files/chart.png)", "/files/chart.png")]
    [InlineData("![chart](https://app.example.com/files/chart.png?v=2)", "/files/chart.png?v=2")]
    public void ToHtml_ImagesFromTheAppsOwnOrigin_Render(string markdown, string src)
    {
        Assert.Contains($"<img src=\"{src}\" alt=\"chart\">", Html(markdown), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("![tracker](https://evil.example/pixel.gif)")]
    [InlineData("![tracker](//evil.example/pixel.gif)")]
    [InlineData("![tracker](http://app.example.com/files/chart.png)")]
    [InlineData("![tracker](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)")]
    [InlineData("![tracker](javascript:alert(1))")]
    [InlineData("![tracker](/\\evil.example/x.png)")]
    public void ToHtml_ImagesFromElsewhere_AreDropped_KeepingTheirAltText(string markdown)
    {
        var html = Html(markdown);

        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("tracker", html, StringComparison.Ordinal);
    }
}
