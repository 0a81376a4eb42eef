using System.Globalization;
using System.Text.RegularExpressions;

namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>
/// Days and months written out: 2026-11-03, 11/3, Nov 3, 3 November, 11月3日, and whole months ("in October", "10月").
/// A day or month without a year is the latest one on or before today.
/// </summary>
internal static partial class ExplicitDates
{
    public static readonly string[] MonthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    public static IEnumerable<DateMatch> Find(string normal, DateOnly today)
    {
        foreach (Match m in Iso().Matches(normal))
        {
            if (Day(Int(m.Groups[1]), Int(m.Groups[2]), Int(m.Groups[3])) is { } day)
            {
                yield return At(m, DateRange.Day(day));
            }
        }

        foreach (var (pattern, month, dayGroup) in new[] { (MonthDay(), 1, 2), (DayMonth(), 2, 1) })
        {
            foreach (Match m in pattern.Matches(normal))
            {
                if (Month(m.Groups[month].Value) is > 0 and var name && Recent(today, name, Int(m.Groups[dayGroup]), m.Groups[3]) is { } day)
                {
                    yield return At(m, DateRange.Day(day));
                }
            }
        }

        foreach (Match m in HanDay().Matches(normal))
        {
            if (Recent(today, Int(m.Groups[2]), Int(m.Groups[3]), m.Groups[1]) is { } day)
            {
                yield return At(m, DateRange.Day(day));
            }
        }

        foreach (Match m in Slash().Matches(normal))
        {
            if (Recent(today, Int(m.Groups[1]), Int(m.Groups[2]), m.Groups[3]) is { } day)
            {
                yield return At(m, DateRange.Day(day));
            }
        }

        foreach (var (pattern, group) in new[] { (InMonth(), 1), (HanMonth(), 2) })
        {
            foreach (Match m in pattern.Matches(normal))
            {
                var month = group == 1 ? Month(m.Groups[1].Value) : Int(m.Groups[2]);
                if (month is >= 1 and <= 12)
                {
                    var year = m.Groups[group == 1 ? 2 : 1].Success ? Int(m.Groups[group == 1 ? 2 : 1]) : month > today.Month ? today.Year - 1 : today.Year;
                    var whole = DateRange.Month(year, month);
                    yield return At(m, whole.To > today ? whole with { To = today } : whole);
                }
            }
        }
    }

    private static DateMatch At(Match m, DateRange range) => new(range, new Span(m.Index, m.Index + m.Length));

    private static int Int(Group g) => int.Parse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>1 to 12 for a month's name, its abbreviation or a misspelling of it ("novmber"); 0 for any other word.</summary>
    private static int Month(string word) =>
        Array.FindIndex(MonthNames, n => (word.Length >= 3 && n.StartsWith(word, StringComparison.Ordinal)) || (word.Length >= 5 && Lexicon.EditDistance(word, n) <= 1)) + 1;

    private static DateOnly? Day(int year, int month, int day) =>
        year is >= 2000 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    private static DateOnly? Recent(DateOnly today, int month, int day, Group year)
    {
        if (year.Success)
        {
            return Day(Int(year), month, day);
        }

        var date = Day(today.Year, month, day);
        return date > today ? Day(today.Year - 1, month, day) : date;
    }

    [GeneratedRegex(@"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")]
    private static partial Regex Iso();

    [GeneratedRegex(@"\b([a-z]{3,10})\.?\s*(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s*(\d{4})\b)?")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3,10})\b\.?(?:,?\s*(\d{4})\b)?")]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")]
    private static partial Regex HanDay();

    [GeneratedRegex(@"(?<![\d/.-])(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\d/])")]
    private static partial Regex Slash();

    [GeneratedRegex(@"\b(?:in|during|for|of)\s+(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b(?!\.?\s*\d{1,2}\b)(?:\s+(\d{4}))?")]
    private static partial Regex InMonth();

    [GeneratedRegex(@"(?:(\d{4})\s*年\s*)?(?<![\d个])(\d{1,2})\s*月份?(?!\s*\d)")]
    private static partial Regex HanMonth();
}
