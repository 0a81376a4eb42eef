using AdPilot.Core.WebPages;

namespace AdPilot.Core.Tests.WebPages;

public sealed class LandingPageScorerTests
{
    private static async Task<LandingPageScore> ScoreAsync(string html, bool https = true, long bytes = 20_000, int milliseconds = 300)
    {
        var page = await WebPageParser.ParseAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(html)), new Uri("https://example.com/"), "text/html", null, CancellationToken.None);
        return LandingPageScorer.Score(page, https, bytes, milliseconds);
    }

    [Fact]
    public async Task Score_GoodPage_LosesOnlyForThinCopy()
    {
        var score = await ScoreAsync(LandingPages.Good);

        Assert.Equal(["headline", "title", "description", "cta", "cta_above_fold", "mobile_viewport", "https", "speed", "weight", "content", "social_preview"],
            score.Reasons.Select(r => r.Code));
        Assert.Equal(100, score.Reasons.Sum(r => r.MaxPoints));
        Assert.Equal(("content", 0), score.Reasons.Where(r => r.Points < r.MaxPoints).Select(r => (r.Code, r.Points)).Single());
        Assert.Equal(95, score.Score);
    }

    [Fact]
    public async Task Score_BarePage_OverHttp_SlowAndHeavy_ScoresZero()
    {
        var score = await ScoreAsync(LandingPages.Bare, https: false, bytes: 3_000_000, milliseconds: 8_000);

        Assert.Equal(0, score.Score);
        Assert.All(score.Reasons, r => Assert.Equal(0, r.Points));
        Assert.Contains("No h1 headline", score.Reasons[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<h1>A</h1>", 8)]
    [InlineData("<h1>One</h1><h1>Two</h1>", 8)]
    [InlineData("<h1>A good headline</h1>", 15)]
    public async Task Score_Headline_WantsOneClearH1(string body, int points)
    {
        var score = await ScoreAsync($"<html><body>{body}</body></html>");

        Assert.Equal(points, score.Reasons.Single(r => r.Code == "headline").Points);
    }

    [Theory]
    [InlineData(900, 5)]
    [InlineData(2_500, 3)]
    [InlineData(4_000, 0)]
    public async Task Score_Speed_FollowsTheFetchTime(int milliseconds, int points)
    {
        var score = await ScoreAsync(LandingPages.Bare, milliseconds: milliseconds);

        Assert.Equal(points, score.Reasons.Single(r => r.Code == "speed").Points);
    }

    [Fact]
    public async Task Score_CallToActionBelowTheFold_CountsOnlyAsPresent()
    {
        var words = string.Concat(Enumerable.Repeat("lorem ipsum dolor sit amet ", 30));
        var score = await ScoreAsync($"<html><body><p>{words}</p><a href=\"/buy\">Buy now</a></body></html>");

        Assert.Equal((10, 0), (score.Reasons.Single(r => r.Code == "cta").Points, score.Reasons.Single(r => r.Code == "cta_above_fold").Points));
    }
}
