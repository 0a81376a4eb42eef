using System.Net;
using System.Text;
using AdPilot.Core.Email;
using AdPilot.Core.Reports;

namespace AdPilot.Core.DailyReports;

/// <summary>
/// The daily report e-mail: HTML for mail clients (tables, inline CSS, explicit colours on every cell so a dark mode that
/// inverts or keeps them stays legible), the same content as plain text, and each account's 14-day chart as an inline PNG.
/// </summary>
public static class DailyReportEmail
{
    private const int MaxCharts = 5;

    public static EmailMessage Render(DailyReport report, string to, string? language, string linkBaseUrl)
    {
        var w = DailyReportTexts.For(language);
        var baseUrl = linkBaseUrl.TrimEnd('/');
        var (link, settings) = (baseUrl + report.Link, baseUrl + "/settings?tab=notifications");
        var subject = string.Format(DailyReportTexts.Culture(language), w.Title, DailyReportTexts.Day(report.Date));
        var intro = string.Format(DailyReportTexts.Culture(language), w.Intro, DailyReportTexts.Day(report.Date));
        var charts = report.Accounts.Take(MaxCharts)
            .Select((a, i) => new InlineImage($"chart-{i + 1}@adpilot", "image/png", DailyReportChart.Png(a.Last14Days))).ToList();

        var html = new StringBuilder();
        var text = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="{E(language ?? "en")}"><head><meta charset="utf-8"><meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark"><title>{E(subject)}</title></head>
            <body style="margin:0;padding:16px;background:#f5f6fa;color:#1f2430;font-family:Arial,Helvetica,sans-serif">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:620px;margin:0 auto;background:#ffffff;color:#1f2430;border-top:4px solid #3f51b5">
            <tr><td style="padding:20px 24px;background:#ffffff;color:#1f2430"><h1 style="margin:0 0 8px;font-size:20px;color:#1f2430">{E(subject)}</h1><p style="margin:0;font-size:14px;color:#4b5563">{E(intro)}</p></td></tr>
            """);
        text.AppendLine(subject).AppendLine().AppendLine(intro).AppendLine();
        for (var i = 0; i < report.Accounts.Count; i++)
        {
            Account(html, text, report.Date, report.Accounts[i], w, i < charts.Count ? charts[i].ContentId : null);
        }

        Anomalies(html, text, report, w, language);
        if (report.Suggestions.Count > 0)
        {
            html.Append(Cell($"<h2 style=\"margin:0 0 8px;font-size:16px;color:#1f2430\">{E(w.Suggestions)}</h2><ul style=\"margin:0;padding-left:20px;font-size:14px;color:#1f2430\">"
                + string.Concat(report.Suggestions.Select(s => $"<li style=\"margin:0 0 6px\">{E(DailyReportTexts.Suggestion(s, language))}</li>")) + "</ul>"));
            text.AppendLine(w.Suggestions + ":");
            report.Suggestions.ToList().ForEach(s => text.AppendLine("- " + DailyReportTexts.Suggestion(s, language)));
            text.AppendLine();
        }

        html.Append(Cell($"<a href=\"{E(link)}\" style=\"display:inline-block;padding:10px 18px;background:#3f51b5;color:#ffffff;text-decoration:none;border-radius:4px\">{E(w.Open)}</a>"));
        html.Append($"""
            <tr><td style="padding:16px 24px;border-top:1px solid #e5e7eb;font-size:12px;background:#ffffff;color:#6b7280">{E(w.Footer)} <a href="{E(settings)}" style="color:#3f51b5">{E(w.Settings)}</a></td></tr>
            </table></body></html>
            """);
        text.AppendLine($"{w.Open}: {link}").AppendLine().AppendLine("--").AppendLine(w.Footer).AppendLine($"{w.Settings}: {settings}");
        return new EmailMessage(to, subject, html.ToString(), text.ToString(), language, charts);
    }

    private static void Account(StringBuilder html, StringBuilder text, DateOnly day, DailyAccountReport a, DailyReportTexts.Words w, string? chart)
    {
        string Cpa(MetricTotals t) => t.Cpa is { } cpa ? DailyReportTexts.Money(cpa, a.Currency) : "–";
        var rows = new (string Name, string Value, decimal? DayBefore, decimal? LastWeek)[]
        {
            (w.Spend, DailyReportTexts.Money(a.Day.Spend, a.Currency), a.VsDayBefore.Spend, a.VsSameWeekdayLastWeek.Spend),
            (w.Roas, DailyReportTexts.Ratio(a.Day.Roas), a.VsDayBefore.Roas, a.VsSameWeekdayLastWeek.Roas),
            (w.Cpa, Cpa(a.Day), a.VsDayBefore.Cpa, a.VsSameWeekdayLastWeek.Cpa),
            (w.Conversions, a.Day.Conversions.ToString(System.Globalization.CultureInfo.InvariantCulture), a.VsDayBefore.Conversions, a.VsSameWeekdayLastWeek.Conversions),
        };
        var th = "style=\"padding:6px 8px;text-align:left;font-size:12px;color:#6b7280;background:#ffffff;border-bottom:1px solid #e5e7eb\"";
        var td = "style=\"padding:6px 8px;font-size:14px;color:#1f2430;background:#ffffff;border-bottom:1px solid #f0f1f4\"";
        var table = new StringBuilder($"<h2 style=\"margin:0 0 8px;font-size:16px;color:#1f2430\">{E(a.Name)} · {E(a.Currency)}</h2>");
        table.Append($"<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr><th {th}></th><th {th}>{E(DailyReportTexts.Day(day))}</th><th {th}>{E(w.VsDayBefore)}</th><th {th}>{E(w.VsLastWeek)}</th></tr>");
        text.AppendLine($"{a.Name} ({a.Currency})");
        foreach (var r in rows)
        {
            table.Append($"<tr><td {td}>{E(r.Name)}</td><td {td}><b>{E(r.Value)}</b></td><td {td}>{E(DailyReportTexts.Change(r.DayBefore))}</td><td {td}>{E(DailyReportTexts.Change(r.LastWeek))}</td></tr>");
            text.AppendLine($"  {r.Name}: {r.Value} ({w.VsDayBefore} {DailyReportTexts.Change(r.DayBefore)}, {w.VsLastWeek} {DailyReportTexts.Change(r.LastWeek)})");
        }

        table.Append("</table>");
        if (chart is not null)
        {
            table.Append($"<p style=\"margin:12px 0 4px;font-size:12px;color:#6b7280\">{E(w.Chart)}</p><img src=\"cid:{E(chart)}\" width=\"{DailyReportChart.Width}\" height=\"{DailyReportChart.Height}\" alt=\"{E(w.Chart)}\" style=\"display:block;width:100%;max-width:{DailyReportChart.Width}px;height:auto;border:1px solid #e5e7eb;background:#ffffff\">");
        }

        var note = a.RankedBy == "roas" ? w.RankedByRoas : w.RankedByCpa;
        foreach (var (title, list) in new[] { (w.Top, a.Top), (w.Bottom, a.Bottom) }.Where(x => x.Item2.Count > 0))
        {
            table.Append($"<p style=\"margin:12px 0 4px;font-size:13px;color:#1f2430\"><b>{E(title)}</b> <span style=\"color:#6b7280\">({E(note)})</span></p><table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\">");
            text.AppendLine($"  {title} ({note}):");
            foreach (var c in list)
            {
                var line = $"{w.Spend} {DailyReportTexts.Money(c.Totals.Spend, a.Currency)} · {w.Roas} {DailyReportTexts.Ratio(c.Totals.Roas)} · {w.Cpa} {Cpa(c.Totals)}";
                table.Append($"<tr><td {td}>{E(c.Name)}</td><td {td}>{E(line)}</td></tr>");
                text.AppendLine($"    - {c.Name}: {line}");
            }

            table.Append("</table>");
        }

        html.Append(Cell(table.ToString()));
        text.AppendLine();
    }

    private static void Anomalies(StringBuilder html, StringBuilder text, DailyReport report, DailyReportTexts.Words w, string? language)
    {
        var lines = report.Anomalies.Select(a =>
            $"{DailyReportTexts.AnomalyType(a.Type, language)} · {a.EntityName}: {a.Observed.ToString("#,0.####", System.Globalization.CultureInfo.InvariantCulture)} {a.Currency} " +
            $"({w.Expected} {a.ExpectedLow.ToString("#,0.####", System.Globalization.CultureInfo.InvariantCulture)}–{a.ExpectedHigh.ToString("#,0.####", System.Globalization.CultureInfo.InvariantCulture)})" +
            (a.Resolved ? $" · {w.Resolved}" : "")).ToList();
        var body = lines.Count == 0
            ? $"<p style=\"margin:0;font-size:14px;color:#4b5563\">{E(w.NoAnomalies)}</p>"
            : "<ul style=\"margin:0;padding-left:20px;font-size:14px;color:#b42318\">" + string.Concat(lines.Select(l => $"<li style=\"margin:0 0 6px\">{E(l)}</li>")) + "</ul>";
        html.Append(Cell($"<h2 style=\"margin:0 0 8px;font-size:16px;color:#1f2430\">{E(w.Anomalies)}</h2>{body}"));
        text.AppendLine(w.Anomalies + ":");
        (lines.Count == 0 ? [w.NoAnomalies] : lines).ForEach(l => text.AppendLine("- " + l));
        text.AppendLine();
    }

    private static string Cell(string content) => $"<tr><td style=\"padding:12px 24px;background:#ffffff;color:#1f2430\">{content}</td></tr>";

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
