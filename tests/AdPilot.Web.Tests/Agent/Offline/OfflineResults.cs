using System.Text.Json.Nodes;
using AdPilot.Core.Campaigns;
using AdPilot.Core.Reports;
using AdPilot.Web.Features.Mcp;
using AdPilot.Web.Features.Reports;
using Microsoft.Extensions.AI;

namespace AdPilot.Web.Tests.Agent.Offline;

/// <summary>Canned tool results built from the tools' own result records, so a change of their shape breaks these tests.</summary>
internal static class OfflineResults
{
    private static readonly DateTime Created = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static CampaignSummary Campaign(long id, string name, decimal budget, string currency = "USD", string status = "active", BudgetType type = BudgetType.Daily) =>
        new(id, 11, "Meta US", "meta", name, CampaignObjective.Sales, status, type, budget, currency, null, null, "synced", null, $"p{id}", Created, Created);

    public static ToolPage<CampaignSummary> CampaignPage(params CampaignSummary[] items) => new(items, items.Length, null);

    public static CampaignDetail Detail(CampaignSummary campaign) => new(campaign, []);

    public static BreakdownRow Row(string type, long id, string name, decimal spend, long conversions, string status = "active", string currency = "USD",
        long impressions = 10_000, long clicks = 200, decimal revenue = 0) =>
        new(type, id, name, status, currency, spend, impressions, clicks, conversions, revenue,
            Ratio(clicks, impressions), Ratio(spend, clicks), Ratio(spend, conversions), Ratio(revenue, spend));

    public static Breakdown Breakdown(string level, params BreakdownRow[] rows) =>
        new(new DateOnly(2026, 11, 11), new DateOnly(2026, 11, 17), level, "cpa", true, rows.Length, rows);

    public static MetricTotals Totals(decimal spend, long impressions, long clicks, long conversions, decimal revenue = 0) =>
        new(spend, impressions, clicks, conversions, revenue, Ratio(clicks, impressions), Ratio(spend, clicks), Ratio(spend, conversions), Ratio(revenue, spend));

    public static SummaryReport Summary(DateOnly day, MetricTotals now, MetricTotals before) =>
        new(day, day, day.AddDays(-1), day.AddDays(-1), [new CurrencySummary("USD", now, before, new MetricChange(null, null, null, null, null, null, null, null, null))]);

    /// <summary>What the orchestrator answers a write with inside the agent: the previewed, proposed action.</summary>
    public static JsonObject Proposed(FunctionCallContent call, string summary, string? confirmBecause = null) => new()
    {
        ["proposed_action"] = new JsonObject
        {
            ["id"] = 900 + int.Parse(call.CallId["call_".Length..], System.Globalization.CultureInfo.InvariantCulture),
            ["tool"] = call.Name, ["summary"] = summary, ["status"] = "proposed", ["confirm_because"] = confirmBecause, ["changes"] = new JsonArray(),
        },
        ["note"] = "Nothing was changed: the user applies it from the action card.",
    };

    private static decimal? Ratio(decimal numerator, decimal denominator) => denominator == 0 ? null : Math.Round(numerator / denominator, 6);
}
