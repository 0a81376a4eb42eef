using System.Net;

namespace AdPilot.Core.LandingPages;

/// <summary>A new page with nothing chosen: a hero with the page's name and a footer, ready to edit.</summary>
internal static class BlankPage
{
    public static LandingPageDocument For(string name, string language)
    {
        var chinese = language == "zh-CN";
        return new LandingPageDocument
        {
            Language = chinese ? "zh-CN" : "en",
            Blocks =
            [
                new PageBlock
                {
                    Id = "hero", Type = BlockType.Hero, Title = name.Length > 300 ? name[..300] : name,
                    Subtitle = chinese ? "用一句话说明您提供什么，以及为什么值得一试。" : "Say in one sentence what you offer and why it is worth a look.",
                },
                new PageBlock { Id = "footer", Type = BlockType.Footer, Html = $"<p>© {WebUtility.HtmlEncode(name)}</p>" },
            ],
            Seo = new PageSeo { Title = name.Length > 70 ? name[..70] : name },
        };
    }
}
