using System.Text.RegularExpressions;

namespace AdPilot.Core.LandingPages;

/// <summary>
/// Which beacon requests come from programs rather than people, by their User-Agent alone (docs/decisions/034): none at
/// all, crawlers, link previews, uptime monitors, HTTP libraries and headless browsers. A program that sends a
/// browser's User-Agent is not caught here; the per-IP rate limit bounds what it can add.
/// </summary>
public static partial class PageBots
{
    public static bool IsBot(string? userAgent) => string.IsNullOrWhiteSpace(userAgent) || userAgent.Length > 1_000 || Known().IsMatch(userAgent);

    [GeneratedRegex(
        "bot|crawl|spider|slurp|scrape|facebookexternalhit|facebookcatalog|preview|monitor|uptime|pingdom|lighthouse|pagespeed|"
        + "curl|wget|python-requests|python-urllib|aiohttp|httpx|go-http-client|java/|okhttp|apache-httpclient|axios|node-fetch|undici|"
        + "libwww|headless|phantomjs|selenium|puppeteer|playwright|whatsapp|embedly|mediapartners|feedfetcher|validator",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 50)]
    private static partial Regex Known();
}
