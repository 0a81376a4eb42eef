using System.Globalization;
using AdPilot.Core.Common;
using AdPilot.Core.LandingPages;

namespace AdPilot.Core.Tests.LandingPages;

/// <summary>Every starting template is a complete, valid, readable page in both languages.</summary>
public sealed class LandingPageTemplatesTests
{
    public static TheoryData<string, string> All()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in new[] { "en", "zh-CN" })
        {
            foreach (var key in LandingPageTemplates.Keys)
            {
                data.Add(key, language);
            }
        }

        return data;
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public void For_Language_ListsTheFourTemplatesInOrder(string language)
    {
        var templates = LandingPageTemplates.For(language);

        Assert.Equal(LandingPageTemplates.Keys, templates.Select(t => t.Key));
        Assert.All(templates, t => Assert.Equal(language, t.Document.Language));
        Assert.All(templates, t => Assert.False(string.IsNullOrWhiteSpace(t.Name) || string.IsNullOrWhiteSpace(t.Description)));
    }

    [Fact]
    public void Find_UnknownKey_ReturnsNull() => Assert.Null(LandingPageTemplates.Find("nope", "en"));

    [Theory]
    [MemberData(nameof(All))]
    public void Template_Validate_PassesTheRequestRules(string key, string language)
    {
        var document = LandingPageTemplates.Find(key, language)!.Document;

        RequestValidator.Validate(document);
        var roundTrip = LandingPageDocument.Parse(document.ToJson());
        Assert.Equal(document.ToJson(), roundTrip.ToJson());
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Template_Render_IsACompletePageUnder50KB(string key, string language)
    {
        var template = LandingPageTemplates.Find(key, language)!;

        var html = LandingPageRenderer.Render(template.Document, new RenderContext(7, "spring-sale", "", "https://pages.example.com/p/spring-sale", f => "/p/assets/7/" + f, Preview: false));

        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(html), 1, 50 * 1024);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(template.Document.Blocks[0].Title!), html, StringComparison.Ordinal);
        Assert.Contains($"lang=\"{language}\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Template_Blocks_FormACompletePage(string key, string language)
    {
        var document = LandingPageTemplates.Find(key, language)!.Document;
        var blocks = document.Blocks;

        var hero = blocks[0];
        Assert.Equal(BlockType.Hero, hero.Type);
        Assert.False(string.IsNullOrWhiteSpace(hero.Title) || string.IsNullOrWhiteSpace(hero.Subtitle) || string.IsNullOrWhiteSpace(hero.ButtonLabel));
        Assert.True(hero.ButtonUrl == "#form" || hero.ButtonUrl!.StartsWith("https://", StringComparison.Ordinal), hero.ButtonUrl);
        var features = Assert.Single(blocks, b => b.Type == BlockType.FeatureList);
        Assert.InRange(features.Items!.Count, 3, 4);
        Assert.All(features.Items, i => Assert.False(string.IsNullOrWhiteSpace(i.Icon) || string.IsNullOrWhiteSpace(i.Text)));
        var quote = Assert.Single(blocks, b => b.Type == BlockType.Testimonial);
        Assert.False(string.IsNullOrWhiteSpace(quote.Html) || string.IsNullOrWhiteSpace(quote.Author));
        Assert.Equal(BlockType.Footer, blocks[^1].Type);
        Assert.Equal(blocks.Count, blocks.Select(b => b.Id).Distinct().Count());
        Assert.False(string.IsNullOrWhiteSpace(document.Seo.Title) || string.IsNullOrWhiteSpace(document.Seo.Description));

        if (key == "app_download")
        {
            var stores = blocks.Where(b => b.Type == BlockType.Button).ToList();
            Assert.Equal(2, stores.Count);
            Assert.All(stores, b => Assert.StartsWith("https://", b.ButtonUrl, StringComparison.Ordinal));
        }
        else
        {
            var form = Assert.Single(blocks, b => b.Type == BlockType.LeadForm);
            Assert.Equal("form", form.Id);
            Assert.Contains(form.Fields!, f => f.Name == "email" && f.Type == FormFieldType.Email && f.Required);
            Assert.Contains(form.Fields!, f => f.Name == "name" && f.Required);
            Assert.False(string.IsNullOrWhiteSpace(form.SuccessMessage) || string.IsNullOrWhiteSpace(form.ButtonLabel));
        }
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Template_Theme_IsReadable(string key, string language)
    {
        var theme = LandingPageTemplates.Find(key, language)!.Document.Theme;

        // WCAG AA: body text 4.5:1 on the background, white button labels 4.5:1 on the primary colour.
        Assert.True(Contrast(theme.TextColor, theme.BackgroundColor) >= 4.5, $"text {Contrast(theme.TextColor, theme.BackgroundColor):0.00}");
        Assert.True(Contrast("#FFFFFF", theme.PrimaryColor) >= 4.5, $"button {Contrast("#FFFFFF", theme.PrimaryColor):0.00}");
        Assert.True(Contrast(theme.PrimaryColor, theme.BackgroundColor) >= 3, $"accent {Contrast(theme.PrimaryColor, theme.BackgroundColor):0.00}");
    }

    [Theory]
    [InlineData("lead_generation")]
    [InlineData("product_launch")]
    [InlineData("webinar_signup")]
    [InlineData("app_download")]
    public void Template_Chinese_IsWrittenInChinese(string key)
    {
        var zh = LandingPageTemplates.Find(key, "zh-CN")!;
        var en = LandingPageTemplates.Find(key, "en")!;

        Assert.Equal(en.Document.Blocks.Select(b => b.Type), zh.Document.Blocks.Select(b => b.Type));
        Assert.All(zh.Document.Blocks.Where(b => b.Title is not null), b => Assert.Contains(b.Title!, c => c is >= '\u4E00' and <= '\u9FFF'));
        Assert.Contains(zh.Name, c => c is >= '\u4E00' and <= '\u9FFF');
        Assert.Contains(zh.Document.Seo.Title!, c => c is >= '\u4E00' and <= '\u9FFF');
    }

    private static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int offset)
        {
            var c = int.Parse(hex.AsSpan(offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255d;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(1)) + (0.7152 * Channel(3)) + (0.0722 * Channel(5));
    }
}
