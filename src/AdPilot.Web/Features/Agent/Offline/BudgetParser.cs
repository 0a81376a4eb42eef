using System.Globalization;
using System.Text.RegularExpressions;

namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>
/// The amount of a budget change: "by 20%" (percent), "by 50" (delta), "to 80" / "设为50" (target), "double" (+100 %),
/// "20% of budget" (what to move). Numbers that are part of a name ("Spring Sale 1") or a date are not amounts: an
/// amount has a % or currency sign, or follows by, to, at, 提高, 设为… .
/// </summary>
internal static partial class BudgetParser
{
    public static (BudgetChange Change, Span? Span)? Parse(OfflineText text, IReadOnlyList<Span> taken, bool move)
    {
        var type = text.Has("daily", "per day", "a day", "日预算", "每日", "每天") ? "daily" : text.Has("lifetime", "total budget", "总预算") ? "lifetime" : null;
        var increase = text.Has(Lexicon.Increase);
        var decrease = text.Has(Lexicon.Decrease);
        var amount = Amounts(text.Normal).Where(a => !taken.Any(t => t.Overlaps(a.Span))).ToList();
        var chosen = amount.LastOrDefault(a => a.Percent) ?? amount.LastOrDefault(a => a.Introduced) ?? amount.LastOrDefault(a => a.Currency);
        if (chosen is null)
        {
            return move ? null
                : text.Has(Lexicon.Double) ? (new BudgetChange("percent", 100, true, type), null)
                : text.Has(Lexicon.Halve) ? (new BudgetChange("percent", -50, true, type), null)
                : null;
        }

        var change = move ? new BudgetChange("move", chosen.Value, chosen.Percent, type)
            : chosen.Target ? new BudgetChange("target", chosen.Value, false, type)
            : chosen.Percent ? new BudgetChange("percent", decrease ? -chosen.Value : chosen.Value, true, type)
            : increase || decrease ? new BudgetChange("delta", decrease ? -chosen.Value : chosen.Value, false, type)
            : new BudgetChange("target", chosen.Value, false, type);
        return (change, chosen.Span);
    }

    private sealed record Amount(decimal Value, Span Span, bool Percent, bool Currency, bool Introduced, bool Target);

    private static IEnumerable<Amount> Amounts(string normal)
    {
        foreach (Match m in Number().Matches(normal))
        {
            var before = normal[..m.Index];
            var value = m.Groups["han"].Success ? NumberWords.Parse(m.Groups["han"].Value) ?? 0
                : decimal.Parse(m.Groups["n"].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture);
            var target = TargetBefore().IsMatch(before);
            yield return new Amount(value, new Span(m.Index, m.Index + m.Length), m.Groups["pct"].Success || m.Groups["han"].Success,
                m.Groups["cur"].Success || m.Groups["cur2"].Success, target || ByBefore().IsMatch(before), target);
        }
    }

    [GeneratedRegex(@"百分之\s*(?<han>\d+|[一二两三四五六七八九十]+)|(?<cur>[$€£¥]\s*)?(?<![\d.a-z])(?<n>\d+(?:,\d{3})*(?:\.\d+)?)(?![\d/-])\s*(?:(?<pct>%|percent\b|pct\b|per cent\b)|(?<cur2>usd\b|eur\b|gbp\b|dollars?\b|euros?\b|元|美元|欧元|块|rmb\b|cny\b))?")]
    private static partial Regex Number();

    [GeneratedRegex(@"(?:\bto|\bat|=|到|为|成|至)\s*[$€£¥]?\s*$")]
    private static partial Regex TargetBefore();

    [GeneratedRegex(@"(?:\bby|\bof|\bmove|\bshift|\btransfer|\bbudget|预算|提高|增加|降低|减少|上调|下调|提升|调高|调低|追加|削减|加|减|转移|挪|转|拿出)\s*[$€£¥]?\s*$")]
    private static partial Regex ByBefore();
}
