using System.Globalization;
using System.Text.RegularExpressions;

namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>Thresholds: "CPA over 20", "ROAS below 1.5", "CTR under 0.5%", "CPA高于20", "ROAS 1以下", "no conversions".</summary>
internal static partial class RuleParser
{
    private static readonly string[] Ratios = ["ctr", "cvr", "roas"];

    public static IReadOnlyList<(Rule Rule, Span Span)> Parse(OfflineText text, IReadOnlyList<Mention> metrics)
    {
        var rules = new List<(Rule, Span)>();
        var ops = Lexicon.Operators.Matches(text);
        foreach (var metric in metrics)
        {
            var op = ops.FirstOrDefault(o => o.Span.Start >= metric.Span.End && Filler().IsMatch(text.Normal[metric.Span.End..o.Span.Start]));
            if (op is not null && Value().Match(text.Normal[op.Span.End..]) is { Success: true } v)
            {
                rules.Add((Make(metric.Key, op.Key, v), new Span(metric.Span.Start, op.Span.End + v.Length)));
                continue;
            }

            // The number first, then 以上/以下: "CPA 20以上".
            if (Value().Match(text.Normal[metric.Span.End..]) is { Success: true } n
                && ops.FirstOrDefault(o => o.Span.Start == metric.Span.End + n.Length + Spaces(text.Normal, metric.Span.End + n.Length)) is { } late)
            {
                rules.Add((Make(metric.Key, late.Key, n), new Span(metric.Span.Start, late.Span.End)));
            }
        }

        if (NoConversions().Match(text.Normal) is { Success: true } none)
        {
            rules.Add((new Rule("conversions", "lt", 1), new Span(none.Index, none.Index + none.Length)));
        }

        return rules;
    }

    private static int Spaces(string text, int at) => text[at..].TakeWhile(char.IsWhiteSpace).Count();

    private static Rule Make(string metric, string op, Match value)
    {
        var number = decimal.Parse(value.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture);
        var percent = value.Groups[2].Success;
        var fraction = Ratios.Contains(metric) && (percent || (metric != "roas" && number >= 1));
        return new Rule(metric, op, fraction ? number / 100m : number);
    }

    [GeneratedRegex(@"^(?:\s|is|are|was|were|of|with|at|an|a|the|that|has|have|had|的|为|是|在)*$")]
    private static partial Regex Filler();

    [GeneratedRegex(@"^\s*=?\s*(?:[$€£¥]\s*)?(\d+(?:,\d{3})*(?:\.\d+)?)\s*(%|percent)?")]
    private static partial Regex Value();

    [GeneratedRegex(@"\b(?:no|zero|0|without any|without|with no)\s+(?:conversions?|convs?|purchases?|results?|sales|leads|orders)\b|没有转化|零转化|无转化|0转化|没转化|没有任何转化")]
    private static partial Regex NoConversions();
}
