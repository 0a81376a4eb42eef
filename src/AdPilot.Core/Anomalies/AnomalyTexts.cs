using System.Globalization;

namespace AdPilot.Core.Anomalies;

/// <summary>The notification of an anomaly episode, in the user's language (en, zh-CN), with the numbers and the range.</summary>
public static class AnomalyTexts
{
    private static readonly Dictionary<string, (string En, string Zh)> Names = new()
    {
        [AnomalyTypes.SpendPacing] = ("Spend pacing", "花费节奏"),
        [AnomalyTypes.CpaSpike] = ("CPA spike", "CPA 飙升"),
        [AnomalyTypes.RoasDrop] = ("ROAS drop", "ROAS 下降"),
        [AnomalyTypes.CtrCollapse] = ("CTR collapse", "点击率骤降"),
        [AnomalyTypes.ZeroDelivery] = ("No delivery", "零投放"),
        [AnomalyTypes.SpendNoConversions] = ("Spend without conversions", "有花费无转化"),
    };

    public static string Name(string type, string language) =>
        Names.TryGetValue(type, out var n) ? (language == "zh-CN" ? n.Zh : n.En) : type;

    /// <summary>A value in the unit of its type: money, a ratio (ROAS) or a percentage (CTR).</summary>
    public static string Format(string type, decimal value, string currency, CultureInfo culture) => type switch
    {
        AnomalyTypes.RoasDrop => value.ToString("0.00", culture) + "x",
        AnomalyTypes.CtrCollapse => (value * 100).ToString("0.00", culture) + " %",
        _ => value.ToString("N2", culture) + " " + currency,
    };

    public static (string Title, string Body) For(Anomaly a, string language)
    {
        var zh = language == "zh-CN";
        var culture = CultureInfo.GetCultureInfo(zh ? "zh-CN" : "en-US");
        string F(decimal v) => Format(a.Type, v, a.Currency, culture);
        var name = Name(a.Type, language);
        var title = zh ? $"{name}：{a.EntityName}" : $"{name}: {a.EntityName}";
        var range = $"{F(a.ExpectedLow)} – {F(a.ExpectedHigh)}";
        var what = a.Type switch
        {
            AnomalyTypes.SpendNoConversions => zh
                ? $"今天已花费 {F(a.Observed)} 却没有转化（通常 CPA 为 {F(a.Expected)}，超过 {F(a.ExpectedHigh)} 仍无转化即属异常）。"
                : $"{F(a.Observed)} spent today without a single conversion (the usual CPA is {F(a.Expected)}; none by {F(a.ExpectedHigh)} is anomalous).",
            AnomalyTypes.ZeroDelivery => zh
                ? $"该广告系列处于投放状态，但今天至今没有展示（此时通常已花费 {F(a.Expected)}，正常范围 {range}）。"
                : $"It is active but has had no impressions today (by now it has usually spent {F(a.Expected)}, normal range {range}).",
            _ => zh
                ? $"当前 {F(a.Observed)}，预期 {F(a.Expected)}（正常范围 {range}，基于前几周的同一工作日）。"
                : $"Now {F(a.Observed)}, expected {F(a.Expected)} (normal range {range}, from the same weekday of the previous weeks).",
        };
        var tail = zh ? "打开报表查看详情，或将其静音。" : "Open the report for details, or mute it.";
        return (title, $"{what} {tail}");
    }
}
