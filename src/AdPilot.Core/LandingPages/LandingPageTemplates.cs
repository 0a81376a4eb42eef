namespace AdPilot.Core.LandingPages;

public sealed record LandingPageTemplate(string Key, string Name, string Description, LandingPageDocument Document);

/// <summary>Starting points for a new page, in English and Simplified Chinese: lead_generation, product_launch, webinar_signup, app_download.</summary>
public static class LandingPageTemplates
{
    public static readonly string[] Keys = ["lead_generation", "product_launch", "webinar_signup", "app_download"];

    /// <summary>The templates in a language (en or zh-CN).</summary>
    public static IReadOnlyList<LandingPageTemplate> For(string language) => throw new NotImplementedException("#15");

    public static LandingPageTemplate? Find(string key, string language) => For(language).FirstOrDefault(t => t.Key == key);
}
