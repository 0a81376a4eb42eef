using System.Text.RegularExpressions;

namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>"top 5", "three worst", "the best", "highest", "前5", "最差的三个": which end of a ranking, and how many when said.</summary>
internal static partial class RankParser
{
    public static (Ranking Rank, Span Span)? Parse(OfflineText text, IReadOnlyList<Span> taken)
    {
        foreach (Match m in HanTopN().Matches(text.Normal))
        {
            var span = new Span(m.Index, m.Index + m.Length);
            if (!taken.Any(t => t.Overlaps(span)))
            {
                return (new Ranking(m.Groups[1].Value == "前" ? "top" : "bottom", NumberWords.Parse(m.Groups[2].Value)), span);
            }
        }

        var mention = Lexicon.Directions.Matches(text).FirstOrDefault(m => !taken.Any(t => t.Overlaps(m.Span)));
        if (mention is null)
        {
            return null;
        }

        var after = CountAfter().Match(text.Normal[mention.Span.End..]);
        var before = CountBefore().Match(text.Normal[..mention.Span.Start]);
        var count = after.Success ? after : before.Success ? before : null;
        var whole = new Span(before.Success && !after.Success ? before.Index : mention.Span.Start, mention.Span.End + (after.Success ? after.Length : 0));
        return (new Ranking(mention.Key, count is null ? null : NumberWords.Parse(count.Groups[1].Value)), whole);
    }

    [GeneratedRegex(@"(前|后|倒数)\s*(\d{1,3}|[一二两三四五六七八九十]+)(?!\s*(?:天|日|周|个?月|个?星期|年))\s*(?:个|名|条|家|位)?")]
    private static partial Regex HanTopN();

    [GeneratedRegex(@"^\s*(?:the\s+)?(?:的\s*)?(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|[一二两三四五六七八九十]+)(?![\d.,%])\s*(?:个|名|条)?")]
    private static partial Regex CountAfter();

    [GeneratedRegex(@"(?<![\d.,a-z])(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|[一二两三四五六七八九十]+)\s*(?:个|名)?\s*(?:of\s+)?(?:the\s+|my\s+)?$")]
    private static partial Regex CountBefore();
}
