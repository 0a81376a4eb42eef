using AdPilot.Core.LandingPages.Templates;

namespace AdPilot.Core.LandingPages;

public sealed record LandingPageTemplate(string Key, string Name, string Description, LandingPageDocument Document);

/// <summary>Starting points for a new page, in English and Simplified Chinese: lead_generation, product_launch, webinar_signup, app_download.</summary>
public static class LandingPageTemplates
{
    public static readonly string[] Keys = ["lead_generation", "product_launch", "webinar_signup", "app_download"];

    private static readonly IReadOnlyList<LandingPageTemplate> English = Build(zh: false);
    private static readonly IReadOnlyList<LandingPageTemplate> Chinese = Build(zh: true);

    /// <summary>The templates in a language (en or zh-CN); any other language gets the English ones.</summary>
    public static IReadOnlyList<LandingPageTemplate> For(string language) =>
        string.Equals(language, "zh-CN", StringComparison.OrdinalIgnoreCase) ? Chinese : English;

    public static LandingPageTemplate? Find(string key, string language) => For(language).FirstOrDefault(t => t.Key == key);

    private static LandingPageTemplate[] Build(bool zh) =>
        [LeadGenerationTemplate.Create(zh), ProductLaunchTemplate.Create(zh), WebinarSignupTemplate.Create(zh), AppDownloadTemplate.Create(zh)];
}
