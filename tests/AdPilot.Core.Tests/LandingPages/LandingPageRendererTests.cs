using System.Text;
using AdPilot.Core.LandingPages;
using AngleSharp.Html.Parser;

namespace AdPilot.Core.Tests.LandingPages;

public sealed class LandingPageRendererTests
{
    private static readonly RenderContext Live = new(7, "spring-sale", "https://app.example.com", "https://app.example.com/p/spring-sale",
        file => $"https://cdn.example.com/landing-pages/7/images/{file}", Preview: false);

    [Fact]
    public void Render_RichPage_IsOneSmallStaticFile_WithHeadSeoAndCsp()
    {
        var html = LandingPageRenderer.Render(LandingPageWorld.RichDocument(), Live);
        var dom = new HtmlParser().ParseDocument(html);

        Assert.StartsWith("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\"", html);
        Assert.InRange(Encoding.UTF8.GetByteCount(html), 1, 20_000);
        Assert.Equal("Spring sale at Acme", dom.Title);
        Assert.Equal("width=device-width,initial-scale=1", dom.QuerySelector("meta[name=viewport]")!.GetAttribute("content"));
        Assert.Equal("Half price until Sunday.", dom.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.Equal("https://cdn.example.com/social.jpg", dom.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
        Assert.Equal("https://app.example.com/p/spring-sale", dom.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        Assert.Equal("https://app.example.com/p/spring-sale", dom.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Contains("--primary:#E53935", dom.QuerySelector("style")!.TextContent);
        Assert.Empty(dom.QuerySelectorAll("link[rel=stylesheet], script[src]"));
        Assert.Single(dom.QuerySelectorAll("h1"));
        Assert.Equal(10, dom.Body!.Children.Count(c => c.LocalName is "header" or "section" or "footer"));
    }

    [Fact]
    public void Render_LeadForm_WorksWithoutJavaScript_WithLabelsAndAHiddenHoneypot()
    {
        var dom = new HtmlParser().ParseDocument(LandingPageRenderer.Render(LandingPageWorld.RichDocument(), Live));
        var form = dom.QuerySelector("form")!;

        Assert.Equal(("post", "https://app.example.com/p/spring-sale/leads", "form"), (form.GetAttribute("method"), form.GetAttribute("action"), form.Id));
        Assert.Equal(["text", "email", "tel"], form.QuerySelectorAll("input:not([name=company_website])").Select(i => i.GetAttribute("type")));
        Assert.Single(form.QuerySelectorAll("textarea[name=message]"));
        foreach (var input in form.QuerySelectorAll("input:not([name=company_website]), textarea"))
        {
            Assert.NotNull(form.QuerySelector($"label[for='{input.Id}']"));
        }

        Assert.Equal(2, form.QuerySelectorAll("[required]").Length);
        var honeypot = form.QuerySelector($"input[name={LandingPageRoutes.HoneypotField}]")!;
        Assert.Equal(("-1", "off"), (honeypot.GetAttribute("tabindex"), honeypot.GetAttribute("autocomplete")));
        Assert.Equal("true", honeypot.ParentElement!.GetAttribute("aria-hidden"));
        Assert.Equal("hp", honeypot.ParentElement.ClassName);
        Assert.Equal("submit", form.QuerySelector("button.btn")!.GetAttribute("type"));
        Assert.Equal("Thank you! We will be in touch soon.", form.GetAttribute("data-success"));
    }

    [Fact]
    public void Render_CtasVideoAndImages_AreTrackedPrivateAndLazyBelowTheFirstBlock()
    {
        var file = new string('e', 32) + ".jpg";
        var document = LandingPageWorld.RichDocument() with
        {
            Blocks = [.. LandingPageWorld.RichDocument().Blocks.Select(b => b.Id == "photo" ? b with { ImageUrl = PageImages.Ref(file, 1200) } : b)],
        };
        var dom = new HtmlParser().ParseDocument(LandingPageRenderer.Render(document, Live));

        Assert.Equal(["hero", "photo", "cta"], dom.QuerySelectorAll("[data-cta]").Select(a => a.GetAttribute("data-cta")));
        var video = dom.QuerySelector("iframe")!;
        Assert.Equal(("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "lazy", "Video"), (video.GetAttribute("src"), video.GetAttribute("loading"), video.GetAttribute("title")));
        var photo = dom.QuerySelector("#photo img")!;
        Assert.Equal(("lazy", "1200"), (photo.GetAttribute("loading"), photo.GetAttribute("width")));
        Assert.Equal($"https://cdn.example.com/landing-pages/7/images/{new string('e', 32)}-480.jpg 480w, https://cdn.example.com/landing-pages/7/images/{new string('e', 32)}-960.jpg 960w, https://cdn.example.com/landing-pages/7/images/{file} 1200w",
            photo.GetAttribute("srcset"));
        Assert.NotNull(photo.GetAttribute("sizes"));
    }

    [Fact]
    public void Render_Chinese_UsesItsLanguageAndMessages()
    {
        var document = LandingPageWorld.RichDocument() with { Language = "zh-CN" };
        var html = LandingPageRenderer.Render(document, Live);

        Assert.Contains("<html lang=\"zh-CN\">", html);
        Assert.Contains("谢谢！我们会尽快与您联系。", html);
        Assert.Contains("正在提交…", html);
        Assert.Contains("* 为必填项", html);
    }

    [Fact]
    public void Render_Script_IsTheConstantOne_AndThePolicyAllowsExactlyIt()
    {
        var html = LandingPageRenderer.Render(LandingPageWorld.RichDocument(), Live);
        var dom = new HtmlParser().ParseDocument(html);
        var expected = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(dom.QuerySelector("script")!.TextContent)));

        Assert.Contains($"script-src 'sha256-{expected}'", dom.QuerySelector("meta[http-equiv]")!.GetAttribute("content"));
        Assert.Contains("navigator.sendBeacon", PageScript.Text);
        Assert.DoesNotContain("innerHTML", PageScript.Text);
        Assert.DoesNotContain("eval", PageScript.Text);
    }

    [Fact]
    public void Render_PageOfFortyBigBlocks_StaysUnder50KB()
    {
        var rich = LandingPageWorld.RichDocument();
        var blocks = Enumerable.Range(0, 4).SelectMany(i => rich.Blocks.Select(b => b with { Id = $"{b.Id}-{i}" })).Take(LandingPageDocument.MaxBlocks).ToList();

        var bytes = Encoding.UTF8.GetByteCount(LandingPageRenderer.Render(rich with { Blocks = blocks }, Live));

        Assert.InRange(bytes, 10_000, 50_000);
    }
}
