using System.ComponentModel;
using AdPilot.Core.DailyReports;
using AdPilot.Web.Features.Mcp;
using ModelContextProtocol.Server;

namespace AdPilot.Web.Features.DailyReports;

/// <summary>The daily report as structured data: the same content as the 09:00 e-mail.</summary>
[McpServerToolType]
internal sealed class DailyReportsTools(ToolCaller caller, DailyReportService reports)
{
    [McpServerTool(Name = "get_daily_report", Title = "Daily report", UseStructuredContent = true, ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("The daily report of one day, the same content as the e-mail sent at 09:00 in the user's time zone: per ad account and currency the day's " +
        "spend, ROAS, CPA and conversions with the % change vs the day before and vs the same weekday last week; the top and bottom 3 campaigns " +
        "(by ROAS, or by CPA when the account had no revenue; campaigns with at least 5 % of the day's spend); 14 days of spend and ROAS; the anomalies " +
        "of the day; and the suggestions of the last 7 days. Amounts are in the account's currency and never added across currencies.")]
    public Task<DailyReport> GetDailyReportAsync(
        [Description("The day, yyyy-MM-dd (the ad accounts' reporting day). Default: yesterday in the user's time zone.")] string? date = null,
        CancellationToken ct = default) =>
        reports.GetAsync(caller.UserId, ToolDates.Parse(date, "date"), ct);
}
