using System.ComponentModel;
using AdPilot.Core.Common;
using AdPilot.Core.Credits;
using AdPilot.Core.Reports;
using AdPilot.Web.Features.Mcp;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace AdPilot.Web.Features.Reports;

/// <summary>MCP tools over <see cref="ReportQueries"/>, <see cref="ReportRankings"/>, <see cref="ReportService"/> and <see cref="ReportAnalysis"/>: the same numbers as the dashboard.</summary>
[McpServerToolType]
internal sealed class ReportsTools(ToolCaller caller, ReportQueries queries, ReportRankings rankings, ReportService reports, ReportAnalysis analysis, MeteredWork metered)
{
    public const string AnalysisOperation = "performance_analysis";

    private const string Metrics =
        "Metrics mean the same on every platform: spend, impressions, clicks, conversions, revenue, and ctr, cpc, cpa, roas computed from those sums. " +
        "Amounts are in the ad account's currency and never added across currencies: a scope with accounts in several currencies gets one block per currency.";

    [McpServerTool(Name = "get_reports", Title = "Report summary", UseStructuredContent = true, ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("Totals for a date range and the previous period of the same length just before it, with the % change of every metric. " +
        "Scope: all the user's accounts, one ad account, one campaign or one ad set (give at most one of campaign_id, ad_set_id). " + Metrics)]
    public async Task<SummaryReport> GetReportsAsync(
        [Description("First day, yyyy-MM-dd (reporting days of the ad accounts). Default: 6 days before to.")] string? from = null,
        [Description("Last day, yyyy-MM-dd, inclusive. Default: the user's today.")] string? to = null,
        [Description("Only this ad account (from list_ad_accounts).")] long? ad_account_id = null,
        [Description("Only this campaign.")] long? campaign_id = null,
        [Description("Only this ad set.")] long? ad_set_id = null,
        [Description("Only amounts in this currency (ISO code such as USD).")] string? currency = null,
        CancellationToken ct = default)
    {
        var scope = Scope(from, to, ad_account_id, campaign_id, ad_set_id, null, currency);
        var summary = await queries.SummaryAsync(caller.UserId, scope, ct);
        if (summary.Totals.Count == 0)
        {
            await queries.EnsureOwnedAsync(caller.UserId, scope, ct); // no numbers: tell "not yours" from "nothing ran"
        }

        return summary;
    }

    [McpServerTool(Name = "get_metrics", Title = "Metrics series", UseStructuredContent = true, ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("A time series of the metrics by day, week (from Monday) or month, one series per currency, at any level: all accounts, an ad account, " +
        "a campaign, an ad set or an ad (give at most one of campaign_id, ad_set_id, ad_id). " + Metrics)]
    public async Task<MetricsReport> GetMetricsAsync(
        [Description("First day, yyyy-MM-dd. Default: 6 days before to.")] string? from = null,
        [Description("Last day, yyyy-MM-dd, inclusive. Default: the user's today.")] string? to = null,
        [Description("day (default), week or month.")] string? granularity = null,
        [Description("Only this ad account.")] long? ad_account_id = null,
        [Description("Only this campaign.")] long? campaign_id = null,
        [Description("Only this ad set.")] long? ad_set_id = null,
        [Description("Only this ad.")] long? ad_id = null,
        [Description("Only amounts in this currency (ISO code such as USD).")] string? currency = null,
        CancellationToken ct = default)
    {
        var scope = Scope(from, to, ad_account_id, campaign_id, ad_set_id, ad_id, currency);
        var series = await queries.MetricsAsync(caller.UserId, scope, Granularity(granularity), ct);
        if (series.Series.Count == 0)
        {
            await queries.EnsureOwnedAsync(caller.UserId, scope, ct);
        }

        return series;
    }

    [McpServerTool(Name = "get_breakdown", Title = "Ranked breakdown", UseStructuredContent = true, ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("Ranks entities by a metric over a date range: the ad accounts, campaigns, ad sets or ads inside a scope (all the user's accounts, one ad account, " +
        "one campaign or one ad set), each with the same metrics as get_reports, best or worst first. Use it for \"top 5 campaigns by ROAS\", \"ad sets with CPA over 20\" " +
        "or the ids of the worst ad sets to pause. Rows without a value for the metric (no conversions for cpa) come last either way. " + Metrics)]
    public async Task<Breakdown> GetBreakdownAsync(
        [Description("First day, yyyy-MM-dd. Default: 6 days before to.")] string? from = null,
        [Description("Last day, yyyy-MM-dd, inclusive. Default: the user's today.")] string? to = null,
        [Description("What each row is: ad_account, campaign, ad_set or ad. Default: the level below the scope (campaigns of all accounts or of ad_account_id, " +
            "ad sets of campaign_id, ads of ad_set_id).")] string? level = null,
        [Description("Only this ad account.")] long? ad_account_id = null,
        [Description("Only inside this campaign (rows are its ad sets or ads).")] long? campaign_id = null,
        [Description("Only inside this ad set (rows are its ads).")] long? ad_set_id = null,
        [Description("Only amounts in this currency (ISO code such as USD).")] string? currency = null,
        [Description("The metric to rank by: spend (default), impressions, clicks, conversions, revenue, ctr, cpc, cpa, roas, cvr (conversions per click) or name.")]
        string? sort = null,
        [Description("true (default; false for name): highest first. Worst CPA or CPC is highest first, worst ROAS, CTR or CVR lowest first.")] bool? descending = null,
        [Description("Rows to return, 1 to 100 (default 25); total_rows says how many there are.")] int? limit = null,
        CancellationToken ct = default)
    {
        var scope = Scope(from, to, ad_account_id, campaign_id, ad_set_id, null, currency);
        var rows = RowLevel(level, scope.Level);
        var take = limit is null or (>= 1 and <= ToolPaging.MaxPageSize) ? limit ?? ToolPaging.DefaultPageSize : throw ValidationFailedException.For("limit", "Use 1 to 100.");
        var report = await rankings.RankAsync(caller.UserId, scope, rows, sort, descending ?? sort?.Trim().ToLowerInvariant() is not "name", ct);
        return new Breakdown(report.From, report.To, report.ChildType, report.Sort, report.Descending, report.Rows.Count, [.. report.Rows.Take(take)]);
    }

    [McpServerTool(Name = "save_metrics", Title = "Save metrics", UseStructuredContent = true, ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = false)]
    [Description("Writes daily metric rows for the user's own ads, as the API's POST /api/v1/reports/metrics does: a row for an ad and day that already has one " +
        "replaces it; campaign, ad set, account and currency come from the ad. For numbers the ad platforms do not report (offline conversions, say). " +
        "Changes nothing on an ad platform.")]
    public async Task<SaveMetricsResult> SaveMetricsAsync(
        [Description("1 to 5,000 rows, at most one per ad and day.")] IReadOnlyList<MetricRow> metrics,
        CancellationToken ct = default)
    {
        var rows = metrics.Select((m, i) => new MetricInput
        {
            AdId = m.AdId, Date = ToolDates.Parse(m.Date, $"metrics[{i}].date") ?? throw ValidationFailedException.For($"metrics[{i}].date", "A date is required."),
            Spend = m.Spend, Impressions = m.Impressions, Clicks = m.Clicks, Conversions = m.Conversions, Revenue = m.Revenue, Currency = m.Currency,
        }).ToList();
        return await reports.SaveAsync(caller.UserId, new SaveMetricsRequest { Metrics = rows }, ct);
    }

    [McpServerTool(Name = "analyze_performance", Title = "Analyse performance", UseStructuredContent = true, ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Analyses a week (the 7 days ending on to) against the week before and returns findings with their evidence: the week-on-week change per currency, " +
        "top and bottom campaigns, CPA and ROAS outliers, ad sets costing far more per conversion than their account, ROAS drops, budget-limited winners, " +
        "and days whose spend or conversions broke from the usual. The same rules as the dashboard's suggestions, plus more. " +
        "Costs credits (see get_credit_config, operation performance_analysis); refunded if the analysis fails.")]
    public async Task<PerformanceAnalysisResult> AnalyzePerformanceAsync(
        IProgress<ProgressNotificationValue> progress,
        [Description("Last day of the week to analyse, yyyy-MM-dd. Default: yesterday in the user's time zone.")] string? to = null,
        [Description("Only this ad account; default all the user's accounts.")] long? ad_account_id = null,
        CancellationToken ct = default)
    {
        var request = new AnalysisRequest { To = ToolDates.Parse(to, "to"), AdAccountId = ad_account_id };
        await analysis.CheckAsync(caller.UserId, request, ct);
        progress.Report(new ProgressNotificationValue { Progress = 1, Total = 3, Message = "Charging credits" });
        var key = $"analyze_performance:{Guid.NewGuid():N}";
        var run = await metered.RunAsync(caller.UserId, new MeteredCharge(AnalysisOperation, key, key), async c =>
        {
            progress.Report(new ProgressNotificationValue { Progress = 2, Total = 3, Message = "Analysing the week" });
            return await analysis.AnalyzeAsync(caller.UserId, request, c);
        }, ct);
        progress.Report(new ProgressNotificationValue { Progress = 3, Total = 3, Message = "Done" });
        return new PerformanceAnalysisResult(run.Result, new CreditCharge(run.Credits, run.BalanceAfter, run.TransactionId));
    }

    /// <summary>The scope of a report from the tool's ids: the narrowest entity given sets the level.</summary>
    internal static ReportScope Scope(string? from, string? to, long? adAccountId, long? campaignId, long? adSetId, long? adId, string? currency)
    {
        var entities = new (ReportLevel Level, long? Id)[] { (ReportLevel.Campaign, campaignId), (ReportLevel.AdSet, adSetId), (ReportLevel.Ad, adId) }
            .Where(e => e.Id is not null).ToList();
        if (entities.Count > 1)
        {
            throw ValidationFailedException.For("campaign_id", "Give at most one of campaign_id, ad_set_id and ad_id.");
        }

        var (level, id) = entities.Count == 1 ? entities[0] : (ReportLevel.Account, null);
        return new ReportScope
        {
            From = ToolDates.Parse(from, "from"), To = ToolDates.Parse(to, "to"), AdAccountId = adAccountId, Level = level, EntityId = id,
            Currency = currency?.Trim().ToUpperInvariant(),
        };
    }

    private static ReportLevel RowLevel(string? value, ReportLevel scope) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" => scope == ReportLevel.Ad ? scope : scope + 1,
        "ad_account" or "account" => ReportLevel.Account,
        "campaign" => ReportLevel.Campaign,
        "ad_set" => ReportLevel.AdSet,
        "ad" => ReportLevel.Ad,
        _ => throw ValidationFailedException.For("level", "Use ad_account, campaign, ad_set or ad."),
    };

    private static ReportGranularity Granularity(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "day" => ReportGranularity.Day,
        "week" => ReportGranularity.Week,
        "month" => ReportGranularity.Month,
        _ => throw ValidationFailedException.For("granularity", "Use day, week or month."),
    };
}

public sealed record MetricRow(
    [property: Description("The ad's id (the user's own).")] long AdId,
    [property: Description("The reporting day, yyyy-MM-dd.")] string Date,
    [property: Description("Amount spent, in the ad account's currency, up to 4 decimals.")] decimal Spend = 0,
    [property: Description("Impressions.")] long Impressions = 0,
    [property: Description("Clicks.")] long Clicks = 0,
    [property: Description("Conversions.")] long Conversions = 0,
    [property: Description("Revenue attributed to the ad, in the account's currency.")] decimal Revenue = 0,
    [property: Description("The ad account's currency (ISO code); optional, refused when it is not the account's.")] string? Currency = null);

public sealed record CreditCharge(
    [property: Description("Credits charged for the work.")] decimal Credits,
    [property: Description("The credit balance after the charge.")] decimal BalanceAfter,
    [property: Description("The ledger entry of the charge (see get_credit_history).")] long TransactionId);

public sealed record PerformanceAnalysisResult(
    [property: Description("The week, the week before, totals per currency and the findings, each with its rule, severity, entity and evidence.")] PerformanceAnalysis Analysis,
    [property: Description("What the analysis cost.")] CreditCharge Charge);

public sealed record Breakdown(
    [property: Description("First day of the range.")] DateOnly From,
    [property: Description("Last day of the range.")] DateOnly To,
    [property: Description("What each row is: ad_account, campaign, ad_set or ad.")] string Level,
    [property: Description("The metric the rows are ranked by.")] string Sort,
    [property: Description("True when the highest value comes first.")] bool Descending,
    [property: Description("How many rows there are in all (rows holds the first limit of them).")] int TotalRows,
    [property: Description("One row per entity and currency, ranked; entities without numbers in the range have zeros.")] IReadOnlyList<BreakdownRow> Rows);
