using System.Text.RegularExpressions;
using static AdPilot.Web.Features.Agent.Offline.DateRange;

namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>
/// Date ranges in a message, resolved against the user's today: relative ones ("yesterday", "last 7 days", "上周"),
/// explicit days ("2026-11-03", "Nov 3", "11月3日") and ranges between two days ("Nov 1 to Nov 15", "since Nov 1").
/// </summary>
internal static partial class DateRangeParser
{
    public static IReadOnlyList<DateMatch> Parse(OfflineText text, DateOnly today)
    {
        var found = new List<DateMatch>();
        Add(found, RelativeDates.English(text, today));
        Add(found, RelativeDates.Chinese(text.Normal, today));
        var points = new List<DateMatch>();
        Add(points, ExplicitDates.Find(text.Normal, today));
        points.RemoveAll(p => found.Any(f => f.Span.Overlaps(p.Span)));
        found.AddRange(Join(text.Normal, points.OrderBy(p => p.Span.Start).ToList(), today));
        return [.. found.OrderBy(f => f.Span.Start)];
    }

    private static void Add(List<DateMatch> into, IEnumerable<DateMatch> matches)
    {
        foreach (var match in matches.OrderByDescending(m => m.Span.Length))
        {
            if (!into.Any(m => m.Span.Overlaps(match.Span)))
            {
                into.Add(match);
            }
        }
    }

    /// <summary>Two days joined by "to", "-", "至"… are one range; a day after "since" or "from" runs to today; a day alone is that day.</summary>
    private static IEnumerable<DateMatch> Join(string normal, List<DateMatch> points, DateOnly today)
    {
        for (var i = 0; i < points.Count; i++)
        {
            var (first, start) = (points[i], points[i].Span.Start);
            var before = Before(normal, start);
            if (i + 1 < points.Count && Connector().IsMatch(normal[first.Span.End..points[i + 1].Span.Start]))
            {
                var last = points[++i];
                var from = first.Range.From > last.Range.To ? first.Range.From.AddYears(-1) : first.Range.From;
                yield return new DateMatch(new DateRange(from, last.Range.To), new Span(start - before.Length, last.Span.End));
            }
            else if (Since().IsMatch(before) || SinceAfter().IsMatch(normal[first.Span.End..]))
            {
                yield return new DateMatch(new DateRange(first.Range.From, today), new Span(start - before.Length, first.Span.End));
            }
            else
            {
                yield return first;
            }
        }
    }

    private static string Before(string normal, int start) => SinceOrBetween().Match(normal[..start]) is { Success: true } m ? m.Value : "";

    [GeneratedRegex(@"^\s*(?:to|through|thru|until|till|and|-|–|—|~|至|到|和)\s*$")]
    private static partial Regex Connector();

    [GeneratedRegex(@"(?:\b(?:since|from|between|starting)\s+|(?:自从|自|从)\s*)$")]
    private static partial Regex SinceOrBetween();

    [GeneratedRegex(@"(?:since|from|从|自)")]
    private static partial Regex Since();

    [GeneratedRegex(@"^\s*(?:以来|起|开始|至今|到现在|until now|to date|onwards?)")]
    private static partial Regex SinceAfter();
}
