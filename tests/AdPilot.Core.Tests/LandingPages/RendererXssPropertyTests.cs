using AdPilot.Core.LandingPages;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace AdPilot.Core.Tests.LandingPages;

/// <summary>
/// P21 / issue #15: no user input becomes script anywhere. Hostile strings (seeded) go into every field of every block
/// type, the theme and the SEO fields, bypassing validation (the renderer must hold on its own); the output is parsed
/// as a browser would and checked for anything that runs or loads what the renderer did not write itself.
/// </summary>
public sealed class RendererXssPropertyTests
{
    private static readonly string[] Hostile =
    [
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "'><svg onload=alert(1)>", "javascript:alert(1)", "JaVaScRiPt:alert(1)",
        " javascript:alert(1)", "java\tscript:alert(1)", "java&#x09;script:alert(1)", "&#106;avascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "vbscript:msgbox(1)", "</style><script>alert(1)</script>",
        "</title><script>alert(1)</script>", "</textarea><script>alert(1)</script>", "</noscript><script>alert(1)</script>", "\0", "\u202e", "\uFEFF",
        "\u2028", "\ud800", "＜script＞alert(1)＜/script＞", "expression(alert(1))", "url(javascript:alert(1))", "{{constructor.constructor('alert(1)')()}}",
        "${alert(1)}", "<!--", "-->", "<![CDATA[", "]]>", "&lt;script&gt;", "<a href=javascript:alert(1)>x</a>", "<iframe src=javascript:alert(1)></iframe>",
        "<style>*{color:red}</style>", "#000;}</style><script>alert(1)</script>", "red;background:url(javascript:alert(1))", "<scr<script>ipt>alert(1)</script>",
        "<body onload=alert(1)>", "<base href=//evil.example>", "<meta http-equiv=refresh content=\"0;url=javascript:alert(1)\">",
        "<form action=javascript:alert(1)><button>x</button></form>", "<object data=x></object>", "<embed src=x>",
        "<math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<span style=\"color:red;background:url(javascript:alert(1))\">x</span>", "<span style=\"color:expression(alert(1))\">x</span>",
        "<a href=\"https://ok.example\" onclick=\"alert(1)\">ok</a>", "<svg><script>alert(1)</script></svg>", "<img srcset=\"javascript:alert(1) 1x\">",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ\"><script>alert(1)</script>", "https://ok.example/a.png#\"onerror=\"alert(1)", "mailto:a@b.c\"onmouseover=\"x",
        "tel:+1\"><script>", "#form\" onfocus=\"alert(1)", "asset:../../etc/passwd", "asset:" + new string('a', 32) + ".png?w=800\"><script>", "\"", "'", "<", ">", "&",
        "𝒳 한국어 中文 العربية", "-->\"'</script></style></title></textarea>", "<x onpointerenter=alert(1)>", "<details open ontoggle=alert(1)>",
        "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>", "<img src=\"vbscript:x\">", "<video><source onerror=alert(1)></video>",
    ];

    private static readonly string[] Schemes = ["javascript:", "data:", "vbscript:"];

    private static readonly HashSet<string> Forbidden = ["object", "embed", "base", "svg", "math", "noscript", "template", "frame", "frameset", "applet", "video", "source", "details"];

    private static readonly System.Text.RegularExpressions.Regex ColorOnly = new("^color: ?(#[0-9A-Fa-f]{3,8}|rgba?\\([0-9., %]{5,40}\\)|[A-Za-z]{3,20});?$");

    [Fact]
    public void Render_HostileInputInEveryField_NeverBecomesScriptMarkupOrAUnsafeUrl()
    {
        var random = new Random(20261130);
        for (var run = 0; run < 150; run++)
        {
            var preview = run % 3 == 0;
            var document = HostileDocument(random);
            var context = new RenderContext(42, "spring-sale", preview ? "" : "https://app.example.com", preview ? null : "https://app.example.com/p/spring-sale",
                file => $"https://assets.example.com/landing-pages/42/images/{file}", preview);

            var html = LandingPageRenderer.Render(document, context);

            Check(html, document, preview, run);
        }
    }

    private static void Check(string html, LandingPageDocument document, bool preview, int run)
    {
        var dom = new HtmlParser().ParseDocument(html);
        var where = $"run {run}";
        var scripts = dom.QuerySelectorAll("script").ToList();
        if (preview)
        {
            Assert.True(scripts.Count == 0, where);
        }
        else
        {
            Assert.True(scripts.Count == 1 && scripts[0].TextContent == PageScript.Text && scripts[0].Attributes.Length == 0, where);
        }

        var styles = dom.QuerySelectorAll("style").ToList();
        Assert.True(styles.Count == 1 && styles[0].TextContent == PageStyles.For(document.Theme) && styles[0].ParentElement == dom.Head, where);

        var csp = dom.Head!.Children[1];
        Assert.True(csp.LocalName == "meta" && csp.GetAttribute("http-equiv") == "Content-Security-Policy", where);
        var policy = csp.GetAttribute("content")!;
        Assert.StartsWith(preview ? "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: data:"
            : $"default-src 'none'; script-src {PageScript.Hash}; style-src 'unsafe-inline'; img-src 'self' https: data:", policy);
        Assert.EndsWith(preview ? "form-action 'none'; connect-src 'none'; base-uri 'none'"
            : "form-action https://app.example.com; connect-src https://app.example.com; base-uri 'none'", policy);
        Assert.Single(dom.QuerySelectorAll("meta[http-equiv]"));
        Assert.Single(dom.QuerySelectorAll("title"));

        foreach (var element in dom.All)
        {
            Assert.False(Forbidden.Contains(element.LocalName), $"{where}: <{element.LocalName}>");
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{where}: <{element.LocalName} {attribute.Name}>");
                if (attribute.Name is "href" or "src" or "action" or "formaction" or "srcset" or "data" or "poster" or "background"
                    || (attribute.Name == "content" && element.GetAttribute("property") is "og:image" or "og:url"))
                {
                    foreach (var url in attribute.Name == "srcset" ? attribute.Value.Split(',') : [attribute.Value])
                    {
                        var plain = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
                        Assert.False(Schemes.Any(plain.StartsWith), $"{where}: <{element.LocalName} {attribute.Name}=\"{attribute.Value}\">");
                    }
                }

                if (attribute.Name == "style")
                {
                    Assert.True(element.LocalName == "span" && ColorOnly.IsMatch(attribute.Value), $"{where}: style=\"{attribute.Value}\"");
                }
            }
        }

        Assert.All(dom.QuerySelectorAll("iframe"), f => Assert.Matches("^https://(www\\.youtube-nocookie\\.com/embed/[A-Za-z0-9_-]{11}|player\\.vimeo\\.com/video/[0-9]+\\?dnt=1)$", f.GetAttribute("src")));
        Assert.All(dom.QuerySelectorAll("meta"), m => Assert.Null(m.GetAttribute("http-equiv") is { } e && e != "Content-Security-Policy" ? e : null));
        Assert.All(dom.QuerySelectorAll("link"), l => Assert.Equal("canonical", l.GetAttribute("rel")));
        Assert.All(dom.QuerySelectorAll("form"), f => Assert.Equal(preview ? null : "https://app.example.com/p/spring-sale/leads", f.GetAttribute("action")));
        Assert.All(dom.QuerySelectorAll("img"), i => Assert.StartsWith("https://", i.GetAttribute("src")));
        Assert.All(dom.QuerySelectorAll("a[href]"), a => Assert.Matches("^(https?://|mailto:|tel:|#)", a.GetAttribute("href")));
        Assert.Equal(preview ? null : "https://app.example.com/p/spring-sale/events", dom.Body!.GetAttribute("data-events"));
        Assert.Equal(0, dom.Body.QuerySelectorAll("title, style, script, meta").Length - (preview ? 0 : 1));
    }

    private static LandingPageDocument HostileDocument(Random random)
    {
        string S() => Mix(random);
        string? Url() => random.Next(4) switch
        {
            0 => S(),
            1 => "https://ok.example/" + S(),
            2 => Hostile[random.Next(Hostile.Length)],
            _ => null,
        };

        var blocks = Enum.GetValues<BlockType>().Select(type => new PageBlock
        {
            Id = random.Next(3) == 0 ? "ok-" + random.Next(1000) : S(),
            Type = type,
            Align = (BlockAlign)random.Next(-1, 3),
            Title = S(),
            Subtitle = S(),
            Html = S(),
            Level = random.Next(-1, 5),
            ImageUrl = Url(),
            ImageAlt = S(),
            ButtonLabel = S(),
            ButtonUrl = Url(),
            VideoUrl = Url(),
            Author = S(),
            AuthorRole = S(),
            Items = [new FeatureItem { Icon = S(), Title = S(), Text = S() }, new FeatureItem { Icon = S(), Title = S() }],
            Fields =
            [
                new FormField { Name = random.Next(2) == 0 ? "email" : S(), Label = S(), Type = (FormFieldType)random.Next(-1, 5), Required = random.Next(2) == 0 },
                new FormField { Name = S(), Label = S(), Type = FormFieldType.TextArea },
            ],
            SuccessMessage = S(),
        }).OrderBy(_ => random.Next()).ToList();
        return new LandingPageDocument
        {
            Language = random.Next(2) == 0 ? S() : "zh-CN",
            Blocks = blocks,
            Theme = new PageTheme
            {
                PrimaryColor = random.Next(2) == 0 ? S() : "#123456", BackgroundColor = S(), TextColor = S(),
                Font = (PageFont)random.Next(-1, 6), ButtonStyle = (ButtonStyle)random.Next(-1, 5),
            },
            Seo = new PageSeo { Title = S(), Description = S(), SocialImageUrl = Url() },
        };
    }

    private static string Mix(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(4) == 0 ? "plain text " : Hostile[random.Next(Hostile.Length)]));
}
