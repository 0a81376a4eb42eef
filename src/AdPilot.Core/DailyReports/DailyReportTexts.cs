using System.Globalization;
using AdPilot.Core.Reports;

namespace AdPilot.Core.DailyReports;

/// <summary>The daily report's words in the user's language (en, zh-CN), and how its numbers are written.</summary>
public static class DailyReportTexts
{
    public sealed record Words(
        string Title, string Intro, string Spend, string Roas, string Cpa, string Conversions, string Revenue, string VsDayBefore, string VsLastWeek,
        string Top, string Bottom, string RankedByRoas, string RankedByCpa, string Campaign, string Anomalies, string NoAnomalies, string Expected,
        string Suggestions, string Chart, string Open, string Settings, string Footer, string Resolved,
        IReadOnlyDictionary<string, string> AnomalyTypes, IReadOnlyDictionary<string, string> Rules);

    private static readonly Words En = new(
        "Your AdPilot daily report for {0}", "Yesterday ({0}) across your ad accounts. Changes are against the day before and the same weekday last week.",
        "Spend", "ROAS", "CPA", "Conversions", "Revenue", "vs day before", "vs last week", "Top campaigns", "Bottom campaigns",
        "by ROAS, campaigns with at least 5 % of the day's spend", "by CPA, campaigns with at least 5 % of the day's spend", "Campaign",
        "Anomalies", "No anomalies were detected.", "expected", "Suggestions", "Spend (bars) and ROAS (line), last 14 days",
        "Open the report", "Notification settings", "You receive this report at 09:00 in your time zone. Turn it off under report notifications.", "resolved",
        new Dictionary<string, string>
        {
            ["spend_pacing"] = "Unusual spend pace", ["cpa_spike"] = "CPA spike", ["roas_drop"] = "ROAS drop", ["ctr_collapse"] = "CTR collapse",
            ["zero_delivery"] = "No delivery", ["spend_no_conversions"] = "Spend without conversions",
        },
        new Dictionary<string, string>());

    private static readonly Words ZhCn = new(
        "AdPilot 每日报告：{0}", "昨天（{0}）各广告账户的表现。变化与前一天及上周同一天相比。",
        "花费", "ROAS", "CPA", "转化", "收入", "较前一天", "较上周同日", "表现最好的广告系列", "表现最差的广告系列",
        "按 ROAS 排序，仅含花费占当日 5% 以上的广告系列", "按 CPA 排序，仅含花费占当日 5% 以上的广告系列", "广告系列",
        "异常", "未发现异常。", "预期", "建议", "近 14 天花费（柱）与 ROAS（线）",
        "打开报告", "通知设置", "每天在您所在时区的 09:00 发送此报告。可在通知设置的“报告”类别中关闭。", "已恢复",
        new Dictionary<string, string>
        {
            ["spend_pacing"] = "花费节奏异常", ["cpa_spike"] = "CPA 激增", ["roas_drop"] = "ROAS 下降", ["ctr_collapse"] = "点击率骤降",
            ["zero_delivery"] = "无投放", ["spend_no_conversions"] = "有花费无转化",
        },
        new Dictionary<string, string>
        {
            ["high_cpa_ad_set"] = "广告组“{0}”近 7 天的 CPA 远高于账户平均，建议暂停。",
            ["roas_drop"] = "广告系列“{0}”近 7 天的 ROAS 较前一周明显下降，请查看哪些广告组下滑。",
            ["budget_limited_winner"] = "广告系列“{0}”回报良好但受预算限制，提高预算可能带来更多转化。",
        });

    public static Words For(string? language) => language == "zh-CN" ? ZhCn : En;

    public static CultureInfo Culture(string? language) => CultureInfo.GetCultureInfo(language == "zh-CN" ? "zh-CN" : "en-US");

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An amount with its currency code, to the cent (the API carries the exact value).</summary>
    public static string Money(decimal amount, string currency) => $"{amount.ToString("#,0.00", CultureInfo.InvariantCulture)} {currency}";

    public static string Ratio(decimal? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "–";

    public static string Change(decimal? percent) => percent switch
    {
        null => "–",
        > 0 => $"+{percent.Value.ToString("0.#", CultureInfo.InvariantCulture)} %",
        _ => $"{percent.Value.ToString("0.#", CultureInfo.InvariantCulture)} %",
    };

    /// <summary>A suggestion in the user's language: the rule's own sentence in English, a translation naming the entity otherwise.</summary>
    public static string Suggestion(ReportSuggestion suggestion, string? language) =>
        For(language).Rules.TryGetValue(suggestion.Rule, out var format) ? string.Format(Culture(language), format, suggestion.Entity.Name) : suggestion.Reason;

    public static string AnomalyType(string type, string? language) => For(language).AnomalyTypes.GetValueOrDefault(type, type);

    /// <summary>The in-app notification: a title and one line per account and currency.</summary>
    public static (string Title, string Body) Notification(DailyReport report, string? language)
    {
        var w = For(language);
        var lines = report.Accounts.Take(10).Select(a =>
            $"{a.Name}: {w.Spend} {Money(a.Day.Spend, a.Currency)} ({Change(a.VsDayBefore.Spend)}), {w.Roas} {Ratio(a.Day.Roas)}, {w.Cpa} {(a.Day.Cpa is { } cpa ? Money(cpa, a.Currency) : "–")}");
        var anomalies = report.Anomalies.Count > 0 ? $"\n{w.Anomalies}: {report.Anomalies.Count}" : "";
        var body = string.Join("\n", lines) + anomalies;
        return (string.Format(Culture(language), w.Title, Day(report.Date)), body.Length <= 4000 ? body : body[..4000]);
    }
}
