using AdPilot.Core.Creatives;

namespace AdPilot.Core.Tests.Creatives;

public sealed class DefaultCreativeScorerTests
{
    private static readonly DefaultCreativeScorer Scorer = new();
    private const long Mb = 1024 * 1024;

    [Fact]
    public void Score_SharpSquareSmallImage_Is100_WithSquareAndHdTags()
    {
        var score = Scorer.Score(new CreativeFacts(CreativeType.Image, 1080, 1080, 2 * Mb, null));

        Assert.Equal(100, score.Score);
        Assert.Equal(["resolution_high", "aspect_fit", "size_ok", "still_image"], score.Reasons.Select(r => r.Code));
        Assert.Equal(["hd", "square"], score.SuggestedTags);
    }

    [Fact]
    public void Score_ShortVerticalVideo_TagsVerticalAndShortVideo()
    {
        var score = Scorer.Score(new CreativeFacts(CreativeType.Video, 1080, 1920, 20 * Mb, 12));

        Assert.Equal(100, score.Score);
        Assert.Equal(["hd", "vertical", "short-video"], score.SuggestedTags);
    }

    [Fact]
    public void Score_SmallOddLargeLongVideo_LosesPointsOnEveryRule()
    {
        var score = Scorer.Score(new CreativeFacts(CreativeType.Video, 400, 300, 300 * Mb, 95));

        Assert.Equal(0, score.Score);
        Assert.Equal(["resolution_too_low", "aspect_off", "size_very_large", "duration_too_long"], score.Reasons.Select(r => r.Code));
        Assert.Empty(score.SuggestedTags);
        Assert.All(score.Reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.Text)));
    }

    [Theory]
    [InlineData(1280, 720, 30, 30, "landscape")] // 16:9 exactly, HD
    [InlineData(1080, 1350, 40, 30, "portrait")] // 4:5
    [InlineData(1000, 1080, 30, 15, null)] // near 1:1 but not exact
    public void Score_ResolutionAndAspectPoints(int width, int height, int resolutionPoints, int aspectPoints, string? aspectTag)
    {
        var score = Scorer.Score(new CreativeFacts(CreativeType.Image, width, height, Mb, null));

        Assert.Equal(resolutionPoints, score.Reasons[0].Points);
        Assert.Equal(aspectPoints, score.Reasons[1].Points);
        Assert.Equal(aspectTag is not null, aspectTag is not null && score.SuggestedTags.Contains(aspectTag));
    }

    [Fact]
    public void Score_UnknownDimensions_WebM_IsScoredWithUnknownReasons()
    {
        var score = Scorer.Score(new CreativeFacts(CreativeType.Video, null, null, 5 * Mb, null));

        Assert.Equal(["resolution_unknown", "aspect_unknown", "size_ok", "duration_unknown"], score.Reasons.Select(r => r.Code));
        Assert.Equal(40, score.Score);
    }

    [Fact]
    public void Score_SameFacts_SameScore()
    {
        var facts = new CreativeFacts(CreativeType.Video, 720, 900, 40 * Mb, 22);

        Assert.Equal(Scorer.Score(facts).Score, Scorer.Score(facts).Score);
        Assert.Equal(30 + 30 + 15 + 10, Scorer.Score(facts).Score);
    }
}
