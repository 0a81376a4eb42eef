using System.Globalization;
using AdPilot.Core.Creatives;

namespace AdPilot.Core.WebPages;

/// <summary>
/// Scores a landing page 0–100 by fixed rules (docs/decisions/030), one reason each; the same page fetched as fast gets
/// the same score. Headline 15, title 10, description 10, a call to action 10 and one above the fold 10, a mobile
/// viewport 15, HTTPS 10, speed 5, weight 5, enough copy 5, a social preview 5.
/// </summary>
public static class LandingPageScorer
{
    /// <summary>A call to action among the first this many words of text is taken as above the fold (no layout is computed).</summary>
    public const int FoldWords = 100;

    public static LandingPageScore Score(WebPageContent page, bool https, long bytes, int milliseconds)
    {
        var firstH1 = page.Headings.FirstOrDefault(h => h.Level == 1)?.Text;
        var og = page.OpenGraph.Select(t => t.Property).ToHashSet(StringComparer.OrdinalIgnoreCase);
        ScoreReason[] reasons =
        [
            page.H1Count switch
            {
                0 => new("headline", 0, 15, "No h1 headline: visitors and search engines cannot tell at once what the page offers."),
                1 when firstH1!.Length is >= 3 and <= 90 => new("headline", 15, 15, $"One clear h1 headline: \"{firstH1}\"."),
                1 => new("headline", 8, 15, $"The h1 headline is {(firstH1!.Length < 3 ? "too short" : "long")} ({firstH1.Length} characters); aim for 3 to 90."),
                _ => new("headline", 8, 15, $"{page.H1Count} h1 headlines compete; keep one."),
            },
            page.Title?.Length switch
            {
                null => new("title", 0, 10, "No page title: it is what search results and browser tabs show."),
                >= 10 and <= 70 => new("title", 10, 10, $"Title of {page.Title.Length} characters."),
                _ => new("title", 5, 10, $"Title of {page.Title.Length} characters; 10 to 70 shows in full in search results."),
            },
            page.Description?.Length switch
            {
                null => new("description", 0, 10, "No meta description: search results and shares will show a random excerpt."),
                >= 50 and <= 160 => new("description", 10, 10, $"Meta description of {page.Description.Length} characters."),
                _ => new("description", 5, 10, $"Meta description of {page.Description.Length} characters; 50 to 160 reads best in search results."),
            },
            page.CallsToAction.Count > 0
                ? new("cta", 10, 10, $"{page.CallsToAction.Count} call(s) to action, e.g. \"{page.CallsToAction[0].Text}\".")
                : new("cta", 0, 10, "No button or action link found (\"Buy now\", \"Sign up\"…): tell visitors what to do next."),
            page.CallsToAction.FirstOrDefault(c => c.AboveFold) is { } fold
                ? new("cta_above_fold", 10, 10, $"\"{fold.Text}\" comes before the first {FoldWords} words, above the fold.")
                : new("cta_above_fold", 0, 10, $"No call to action in the first {FoldWords} words: visitors must scroll to find one."),
            page.MobileViewport
                ? new("mobile_viewport", 15, 15, "Has a mobile viewport (width=device-width): it adapts to phones.")
                : new("mobile_viewport", 0, 15, "No width=device-width viewport: phones show a shrunken desktop page, and most ad clicks come from phones."),
            https ? new("https", 10, 10, "Served over HTTPS.") : new("https", 0, 10, "Served over plain HTTP: browsers mark it \"Not secure\"."),
            milliseconds switch
            {
                <= 1_000 => new("speed", 5, 5, Invariant($"The HTML arrived in {milliseconds} ms.")),
                <= 3_000 => new("speed", 3, 5, Invariant($"The HTML took {milliseconds} ms; under a second keeps more visitors.")),
                _ => new("speed", 0, 5, Invariant($"The HTML took {milliseconds} ms: slow pages lose visitors before they load.")),
            },
            bytes switch
            {
                <= 500 * 1024 => new("weight", 5, 5, Invariant($"The HTML weighs {bytes / 1024.0:0} KB.")),
                <= 1536 * 1024 => new("weight", 2, 5, Invariant($"The HTML weighs {bytes / 1024.0:0} KB; under 500 KB loads faster on phones.")),
                _ => new("weight", 0, 5, Invariant($"The HTML weighs {bytes / 1024.0 / 1024.0:0.0} MB: heavy for a phone on a mobile network.")),
            },
            page.WordCount switch
            {
                >= 150 => new("content", 5, 5, Invariant($"{page.WordCount} words of copy.")),
                >= 50 => new("content", 2, 5, Invariant($"Only {page.WordCount} words of copy; say more about the offer.")),
                _ => new("content", 0, 5, Invariant($"Almost no text ({page.WordCount} words): the offer is not explained.")),
            },
            (og.Contains("og:title"), og.Contains("og:image")) switch
            {
                (true, true) => new("social_preview", 5, 5, "Has og:title and og:image, so shares show a preview."),
                (false, false) => new("social_preview", 0, 5, "No og:title or og:image: shared links show no preview."),
                _ => new("social_preview", 2, 5, $"Only {(og.Contains("og:title") ? "og:title" : "og:image")} is set; add the other for a full share preview."),
            },
        ];
        return new LandingPageScore(reasons.Sum(r => r.Points), reasons);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
