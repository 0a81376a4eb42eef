using System.Text.RegularExpressions;
using static AdPilot.Web.Features.Agent.Offline.DateRange;

namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>Ranges named relative to today: "yesterday", "last 7 days", "last week" (Monday to Sunday), "this month", "过去7天", "上周".</summary>
internal static partial class RelativeDates
{
    private const string Last = "last|past|previous|prior|recent|trailing";

    /// <summary>Word patterns over the spell-corrected words: alternatives split by |, # is a count ("7", "seven").</summary>
    private static readonly (string Pattern, Func<DateOnly, int, DateRange> Range)[] Patterns =
    [
        ("day before yesterday", (t, _) => Day(t.AddDays(-2))),
        ("yesterday", (t, _) => Day(t.AddDays(-1))),
        ("today", (t, _) => Day(t)),
        ($"{Last} # day|days", LastDays),
        ("# day|days", LastDays),
        ($"{Last} # week|weeks", (t, n) => LastDays(t, 7 * n)),
        ($"{Last} # month|months", (t, n) => new(t.AddMonths(-n), t.AddDays(-1))),
        ("week before last", (t, _) => Week(Monday(t).AddDays(-14))),
        ("last|previous|prior week", (t, _) => Week(Monday(t).AddDays(-7))),
        ("past week", (t, _) => LastDays(t, 7)),
        ("this|current week", (t, _) => new(Monday(t), t)),
        ("week to date", (t, _) => new(Monday(t), t)),
        ("wtd", (t, _) => new(Monday(t), t)),
        ("last|previous|prior month", (t, _) => Month(t.AddMonths(-1).Year, t.AddMonths(-1).Month)),
        ("past month", (t, _) => LastDays(t, 30)),
        ("this|current month", (t, _) => new(new DateOnly(t.Year, t.Month, 1), t)),
        ("month to date", (t, _) => new(new DateOnly(t.Year, t.Month, 1), t)),
        ("mtd", (t, _) => new(new DateOnly(t.Year, t.Month, 1), t)),
        ("this|current year", (t, _) => new(new DateOnly(t.Year, 1, 1), t)),
        ("year to date", (t, _) => new(new DateOnly(t.Year, 1, 1), t)),
        ("ytd", (t, _) => new(new DateOnly(t.Year, 1, 1), t)),
        ("last|previous year", (t, _) => new(new DateOnly(t.Year - 1, 1, 1), new DateOnly(t.Year - 1, 12, 31))),
    ];

    public static readonly string[] Words = [.. Patterns.SelectMany(p => p.Pattern.Split(' ', '|')).Where(w => w != "#")];

    public static IEnumerable<DateMatch> English(OfflineText text, DateOnly today)
    {
        for (var i = 0; i < text.Tokens.Count; i++)
        {
            foreach (var (pattern, range) in Patterns)
            {
                if (Match(text.Tokens, i, pattern.Split(' ')) is { } n && n.Count is > 0 and <= 3660)
                {
                    yield return new DateMatch(range(today, n.Count), new Span(text.Tokens[i].Start, text.Tokens[i + n.Length - 1].End));
                }
            }
        }
    }

    private static (int Length, int Count)? Match(IReadOnlyList<Token> tokens, int at, string[] slots)
    {
        var count = 1;
        for (var k = 0; k < slots.Length; k++)
        {
            if (at + k >= tokens.Count)
            {
                return null;
            }

            var word = tokens[at + k].Word;
            if (slots[k] != "#")
            {
                if (!slots[k].Split('|').Contains(word))
                {
                    return null;
                }
            }
            else if (NumberWords.Parse(word) is { } n)
            {
                count = n;
            }
            else
            {
                return null;
            }
        }

        return (slots.Length, count);
    }

    public static IEnumerable<DateMatch> Chinese(string normal, DateOnly today)
    {
        foreach (var (pattern, range) in Han)
        {
            foreach (Match m in pattern.Matches(normal))
            {
                var n = m.Groups.Count > 1 ? NumberWords.Parse(m.Groups[1].Value) ?? 0 : 1;
                if (n is > 0 and <= 3660)
                {
                    yield return new DateMatch(range(today, n), new Span(m.Index, m.Index + m.Length));
                }
            }
        }
    }

    private static readonly (Regex Pattern, Func<DateOnly, int, DateRange> Range)[] Han =
    [
        (DaysAgo(), (t, n) => LastDays(t, n)),
        (WeeksAgo(), (t, n) => LastDays(t, 7 * n)),
        (MonthsAgo(), (t, n) => new(t.AddMonths(-n), t.AddDays(-1))),
        (new Regex("今天|今日"), (t, _) => Day(t)),
        (new Regex("昨天|昨日"), (t, _) => Day(t.AddDays(-1))),
        (new Regex("前天"), (t, _) => Day(t.AddDays(-2))),
        (new Regex("上上周|上上个星期|上上个礼拜"), (t, _) => Week(Monday(t).AddDays(-14))),
        (new Regex("上周|上星期|上个星期|上一周|上个礼拜|上礼拜"), (t, _) => Week(Monday(t).AddDays(-7))),
        (new Regex("本周|这周|这个星期|这星期|本星期"), (t, _) => new(Monday(t), t)),
        (new Regex("上个月|上月|上一个月"), (t, _) => Month(t.AddMonths(-1).Year, t.AddMonths(-1).Month)),
        (new Regex("本月|这个月|当月|这月"), (t, _) => new(new DateOnly(t.Year, t.Month, 1), t)),
        (new Regex("今年|本年"), (t, _) => new(new DateOnly(t.Year, 1, 1), t)),
        (new Regex("去年"), (t, _) => new(new DateOnly(t.Year - 1, 1, 1), new DateOnly(t.Year - 1, 12, 31))),
    ];

    [GeneratedRegex(@"(?:过去|最近|近|前)\s*(\d+|[一二两三四五六七八九十]+)\s*(?:天|日)")]
    private static partial Regex DaysAgo();

    [GeneratedRegex(@"(?:过去|最近|近|前)\s*(\d+|[一二两三四五六七八九十]+)\s*(?:周|个星期|个礼拜|星期)")]
    private static partial Regex WeeksAgo();

    [GeneratedRegex(@"(?:过去|最近|近|前)\s*(\d+|[一二两三四五六七八九十]+)\s*个?月")]
    private static partial Regex MonthsAgo();
}
