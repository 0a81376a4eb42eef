namespace AdPilot.Core.Creatives;

/// <summary>What can be measured about a creative before anyone has run it.</summary>
public sealed record CreativeFacts(CreativeType Type, int? Width, int? Height, long FileSize, double? DurationSeconds);

/// <summary>One scoring rule's outcome: a stable <paramref name="Code"/> for programs, an English sentence for people.</summary>
public sealed record ScoreReason(string Code, int Points, int MaxPoints, string Text);

public sealed record CreativeScore(int Score, IReadOnlyList<ScoreReason> Reasons, IReadOnlyList<string> SuggestedTags);

/// <summary>Scores a creative 0–100 with reasons and suggested tags; the default is deterministic, a model-backed one may replace it.</summary>
public interface ICreativeScorer
{
    CreativeScore Score(CreativeFacts facts);
}
