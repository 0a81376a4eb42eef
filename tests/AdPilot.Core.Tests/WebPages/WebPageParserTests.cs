using System.Text;
using AdPilot.Core.WebPages;

namespace AdPilot.Core.Tests.WebPages;

public sealed class WebPageParserTests
{
    private static readonly Uri Url = new("https://shop.example.com/spring?utm=ad");

    private static Task<WebPageContent> ParseAsync(string html, string? charset = null, Encoding? encoding = null) =>
        WebPageParser.ParseAsync(new MemoryStream((encoding ?? Encoding.UTF8).GetBytes(html)), Url, "text/html", charset, CancellationToken.None);

    [Fact]
    public async Task ParseAsync_LandingPage_ReadsItsParts_AsPlainText()
    {
        var page = await ParseAsync(LandingPages.Good);

        Assert.Equal(("Spring Sale – 30% off running shoes", "en-GB"), (page.Title, page.Language));
        Assert.StartsWith("Every running shoe 30% off", page.Description, StringComparison.Ordinal);
        Assert.Equal([new MetaTag("og:title", "Spring Sale"), new MetaTag("og:image", "https://cdn.example.com/spring.jpg")], page.OpenGraph);
        Assert.Equal([new PageHeading(1, "Spring Sale: 30% off every running shoe"), new PageHeading(2, "Why runners love them")], page.Headings);
        Assert.True(page.MobileViewport);
        Assert.Equal((2, 1), (page.ImageCount, page.ImagesWithoutAlt));
        var form = Assert.Single(page.Forms);
        Assert.Equal(("https://shop.example.com/subscribe", "post", 1), (form.Action, form.Method, form.Fields));
        Assert.Equal(["email"], form.FieldTypes);
        Assert.Equal(
            [("Shop the sale", "https://shop.example.com/shop", "link"), ("Get the deal", null, "button")],
            page.CallsToAction.Select(c => (c.Text, c.Href, c.Kind)));
        Assert.All(page.CallsToAction, c => Assert.True(c.AboveFold));
        Assert.Equal(["https://shop.example.com/", "https://shop.example.com/shop", "https://partner.example.org/about"], page.Links.Select(l => l.Href));
        Assert.Equal(4, page.LinkCount);
    }

    [Fact]
    public async Task ParseAsync_NothingHiddenOrExecutable_ReachesTheText()
    {
        var page = await ParseAsync(LandingPages.Good);

        Assert.StartsWith("Spring Sale: 30% off every running shoe Our lightest trainers", page.TextExcerpt, StringComparison.Ordinal);
        foreach (var secret in new[] { "SCRIPT-TEXT", "STYLE-TEXT", "HIDDEN-TEXT", "NOSCRIPT-TEXT", "169.254", "javascript", "\u200B", "\u202E" })
        {
            Assert.DoesNotContain(secret, page.TextExcerpt, StringComparison.Ordinal);
            Assert.DoesNotContain(page.Links, l => l.Href.Contains(secret, StringComparison.Ordinal) || l.Text.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ParseAsync_CharsetFromTheHeader_DecodesChinese()
    {
        const string html = "<html><head><title>春季大促</title></head><body><h1>全场五折</h1><a href=\"/buy\">立即购买</a></body></html>";

        var page = await ParseAsync(html, "gbk", CodePages("gbk"));

        Assert.Equal(("春季大促", "全场五折"), (page.Title, page.Headings[0].Text));
        Assert.Equal("立即购买", Assert.Single(page.CallsToAction).Text);
        Assert.Equal(8, page.WordCount); // each Chinese character is a word
    }

    [Fact]
    public async Task ParseAsync_DeeplyNestedPage_DoesNotExhaustTheStack()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 1_500)) + "deep" + "</body></html>";

        var page = await ParseAsync(html);

        Assert.Contains("deep", page.TextExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParseAsync_LongText_IsBounded()
    {
        var html = "<html><body><h1>" + new string('x', 5_000) + "</h1><p>" + string.Concat(Enumerable.Repeat("word ", 10_000)) + "</p>"
            + string.Concat(Enumerable.Range(0, 100).Select(i => $"<a href=\"/p{i}\">Buy {i}</a><h2>H{i}</h2>")) + "</body></html>";

        var page = await ParseAsync(html);

        Assert.True(page.TextExcerpt.Length <= WebPageParser.ExcerptChars);
        Assert.Equal(200, page.Headings[0].Text.Length); // 199 characters and an ellipsis
        Assert.EndsWith("…", page.Headings[0].Text, StringComparison.Ordinal);
        Assert.Equal((WebPageParser.MaxHeadings, WebPageParser.MaxLinks, WebPageParser.MaxCallsToAction), (page.Headings.Count, page.Links.Count, page.CallsToAction.Count));
        Assert.Equal(100, page.LinkCount);
        Assert.True(page.WordCount > 10_000);
    }

    private static Encoding CodePages(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(name);
    }

}
