using System.ComponentModel;
using AdPilot.Core.Anomalies;
using AdPilot.Web.Features.Mcp;
using ModelContextProtocol.Server;

namespace AdPilot.Web.Features.Anomalies;

/// <summary>MCP tools over <see cref="AnomalyService"/>: the anomalies the hourly detector found in the user's accounts and campaigns.</summary>
[McpServerToolType]
internal sealed class AnomaliesTools(ToolCaller caller, AnomalyService anomalies)
{
    [McpServerTool(Name = "get_anomalies", Title = "Get anomalies", UseStructuredContent = true, ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("Anomalies AdPilot's hourly check found in the user's ad accounts and campaigns (newest first): spend pacing off the usual curve, " +
        "a CPA spike, a ROAS drop, a CTR collapse, no delivery on an active campaign, or spend without conversions. Each has the measured value, " +
        "the expected value and the normal range (from the median of the same weekday in the previous weeks), its severity, and a link to the report. " +
        "Open anomalies by default; use status resolved or all for history.")]
    public async Task<ToolPage<AnomalyView>> GetAnomaliesAsync(
        [Description("open (default: still anomalous), resolved, or all.")] string? status = null,
        [Description("Only this ad account's anomalies (id from list_ad_accounts).")] long? ad_account_id = null,
        [Description("Only this campaign's anomalies (id from get_campaigns).")] long? campaign_id = null,
        [Description("Only this type: spend_pacing, cpa_spike, roas_drop, ctr_collapse, zero_delivery or spend_no_conversions.")] string? type = null,
        [Description("Only episodes that started on or after this day, yyyy-MM-dd (the account's time zone).")] DateOnly? from = null,
        [Description("Only episodes that started on or before this day, yyyy-MM-dd.")] DateOnly? to = null,
        [Description("The next_cursor of the previous page; omit for the first page.")] string? cursor = null,
        [Description("Anomalies per page, 1 to 100 (default 25).")] int? page_size = null,
        CancellationToken ct = default) =>
        ToolPaging.From(await anomalies.ListAsync(caller.UserId, new AnomalyQuery
        {
            Status = status ?? "open", AdAccountId = ad_account_id, CampaignId = campaign_id, Type = type, From = from, To = to,
            Page = ToolPaging.Page(cursor), PageSize = ToolPaging.PageSize(page_size),
        }, ct));
}
