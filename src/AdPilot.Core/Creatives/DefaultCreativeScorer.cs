namespace AdPilot.Core.Creatives;

/// <summary>
/// Four rules adding up to 100: resolution (40), fit to a common placement — 1:1, 4:5, 9:16, 16:9 — (30), file size
/// (15) and, for videos, duration (15; images get these points as still images). Same facts, same score.
/// </summary>
public sealed class DefaultCreativeScorer : ICreativeScorer
{
    private static readonly (string Name, string Tag, double Ratio)[] Placements =
    [
        ("1:1", "square", 1.0),
        ("4:5", "portrait", 4.0 / 5),
        ("9:16", "vertical", 9.0 / 16),
        ("16:9", "landscape", 16.0 / 9),
    ];

    private const long Megabyte = 1024 * 1024;

    public CreativeScore Score(CreativeFacts facts)
    {
        var tags = new List<string>();
        var reasons = new List<ScoreReason> { Resolution(facts, tags), AspectRatio(facts, tags), FileSize(facts), Duration(facts, tags) };
        return new CreativeScore(Math.Clamp(reasons.Sum(r => r.Points), 0, 100), reasons, tags);
    }

    private static ScoreReason Resolution(CreativeFacts facts, List<string> tags)
    {
        if (facts is not { Width: > 0 and var w, Height: > 0 and var h })
        {
            return new("resolution_unknown", 20, 40, "The resolution could not be read; platforms may reject the file.");
        }

        var shortSide = Math.Min(w, h);
        if (shortSide >= 720)
        {
            tags.Add("hd");
        }

        return shortSide switch
        {
            >= 1080 => new("resolution_high", 40, 40, $"{w}×{h} is sharp on every placement."),
            >= 720 => new("resolution_good", 30, 40, $"{w}×{h} is HD; 1080 px on the short side looks sharper."),
            >= 480 => new("resolution_low", 15, 40, $"{w}×{h} is low; use at least 720 px on the short side."),
            _ => new("resolution_too_low", 0, 40, $"{w}×{h} is too small; most placements need at least 600 px."),
        };
    }

    private static ScoreReason AspectRatio(CreativeFacts facts, List<string> tags)
    {
        if (facts is not { Width: > 0 and var w, Height: > 0 and var h })
        {
            return new("aspect_unknown", 0, 30, "The aspect ratio could not be read.");
        }

        var ratio = (double)w / h;
        var (name, tag, target) = Placements.MinBy(p => Math.Abs(ratio - p.Ratio) / p.Ratio);
        var deviation = Math.Abs(ratio - target) / target;
        if (deviation <= 0.02)
        {
            tags.Add(tag);
            return new("aspect_fit", 30, 30, $"Fits the {name} placement exactly.");
        }

        return deviation <= 0.10
            ? new("aspect_near", 15, 30, $"Close to {name}; it will be cropped slightly. Export at exactly {name}.")
            : new("aspect_off", 0, 30, $"Fits no common placement (1:1, 4:5, 9:16, 16:9); it will be cropped or letterboxed.");
    }

    private static ScoreReason FileSize(CreativeFacts facts)
    {
        var (good, large) = facts.Type == CreativeType.Image ? (5 * Megabyte, 15 * Megabyte) : (100 * Megabyte, 250 * Megabyte);
        var mb = facts.FileSize / (double)Megabyte;
        return facts.FileSize <= good ? new("size_ok", 15, 15, $"{mb:0.#} MB loads quickly.")
            : facts.FileSize <= large ? new("size_large", 8, 15, $"{mb:0.#} MB is heavy; compress it to load faster.")
            : new("size_very_large", 0, 15, $"{mb:0.#} MB is very large; some platforms reject or slow it.");
    }

    private static ScoreReason Duration(CreativeFacts facts, List<string> tags)
    {
        if (facts.Type == CreativeType.Image)
        {
            return new("still_image", 15, 15, "A still image has no duration to optimise.");
        }

        if (facts.DurationSeconds is not { } seconds)
        {
            return new("duration_unknown", 5, 15, "The duration could not be read.");
        }

        if (seconds <= 15)
        {
            tags.Add("short-video");
        }

        return seconds switch
        {
            < 3 => new("duration_too_short", 5, 15, $"{seconds:0.#} s is too short to tell a story; aim for 6–15 s."),
            <= 15 => new("duration_ideal", 15, 15, $"{seconds:0.#} s is the ideal length for feeds and stories."),
            <= 30 => new("duration_ok", 10, 15, $"{seconds:0.#} s works; 6–15 s performs best."),
            <= 60 => new("duration_long", 5, 15, $"{seconds:0.#} s is long; viewers drop off after 15 s."),
            _ => new("duration_too_long", 0, 15, $"{seconds:0.#} s is too long for most placements."),
        };
    }
}
