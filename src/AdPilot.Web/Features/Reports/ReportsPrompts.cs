using System.ComponentModel;
using System.Text.Json;
using AdPilot.Core.Common;
using AdPilot.Core.Credits;
using AdPilot.Core.Reports;
using AdPilot.Web.Features.Mcp;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AdPilot.Web.Features.Reports;

/// <summary>
/// Prompts a user picks in their AI client: each opens with the caller's own numbers (owner-scoped, read like get_reports)
/// and the steps to take with AdPilot's tools. Arguments are strings, as MCP prompt arguments are.
/// </summary>
[McpServerPromptType]
internal sealed class ReportsPrompts(ToolCaller caller, ReportQueries queries, CreditConfigService configs)
{
    [McpServerPrompt(Name = "weekly_review", Title = "Weekly performance review")]
    [Description("Reviews a week of advertising against the week before: totals per currency, findings from analyze_performance, and the changes to make first, proposed as dry runs.")]
    public async Task<GetPromptResult> WeeklyReviewAsync(
        [Description("Last day of the week, yyyy-MM-dd; default yesterday.")] string? to = null,
        [Description("Only this ad account's id; default all accounts.")] string? ad_account_id = null,
        CancellationToken ct = default)
    {
        var accountId = Id(ad_account_id, "ad_account_id");
        var last = ToolDates.Parse(to, "to") ?? (await queries.TodayAsync(caller.UserId, ct)).AddDays(-1);
        var scope = new ReportScope { From = last.AddDays(-6), To = last, AdAccountId = accountId };
        var summary = await queries.SummaryAsync(caller.UserId, scope, ct);
        if (accountId is not null)
        {
            await queries.EnsureOwnedAsync(caller.UserId, scope, ct);
        }

        var price = (await configs.GetCurrentAsync(ct)).Settings.Estimate(ReportsTools.AnalysisOperation, null, 0, 0).Credits;
        var account = accountId is { } id ? $", ad_account_id: {id}" : "";
        return Prompt("Weekly performance review", $"""
            Review my advertising for the week {summary.From:yyyy-MM-dd} to {summary.To:yyyy-MM-dd} against {summary.PreviousFrom:yyyy-MM-dd} to {summary.PreviousTo:yyyy-MM-dd}.

            Totals per currency from AdPilot (amounts in each currency; never add currencies together):
            {Json(summary.Totals)}

            Steps:
            1. Call analyze_performance with to: "{last:yyyy-MM-dd}"{account}. It costs {price} credits; if check_credit says the balance is short, tell me and stop.
            2. For each warning, fetch the evidence you need (get_metrics by day for the campaign or ad set, get_reports for its scope).
            3. Write the review: what changed week on week per currency, the top and bottom campaigns, the anomalies, and the three changes to make first with their numbers.
            4. Propose each change with dry_run: true and show me the before → after; apply nothing until I agree.
            """);
    }

    [McpServerPrompt(Name = "diagnose_cpa", Title = "Diagnose a campaign's cost per conversion")]
    [Description("Finds why a campaign's cost per conversion (CPA) is high or rising: its week against the week before and each ad set's numbers, with the steps to find the cause.")]
    public async Task<GetPromptResult> DiagnoseCpaAsync(
        [Description("The campaign's id.")] string campaign_id,
        [Description("Last day of the week, yyyy-MM-dd; default yesterday.")] string? to = null,
        CancellationToken ct = default)
    {
        var campaignId = Id(campaign_id, "campaign_id") ?? throw ValidationFailedException.For("campaign_id", "Say which campaign to diagnose.");
        var last = ToolDates.Parse(to, "to") ?? (await queries.TodayAsync(caller.UserId, ct)).AddDays(-1);
        var scope = new ReportScope { From = last.AddDays(-6), To = last, Level = ReportLevel.Campaign, EntityId = campaignId };
        var adSets = await queries.BreakdownAsync(caller.UserId, scope, "cpa", true, ct); // not found when the campaign is not the caller's
        var summary = await queries.SummaryAsync(caller.UserId, scope, ct);
        return Prompt("Diagnose a campaign's CPA", $"""
            Diagnose the cost per conversion (CPA) of campaign {campaignId} for {summary.From:yyyy-MM-dd} to {summary.To:yyyy-MM-dd}.

            The campaign against the week before ({summary.PreviousFrom:yyyy-MM-dd} to {summary.PreviousTo:yyyy-MM-dd}):
            {Json(summary.Totals)}

            Its ad sets this week, highest CPA first (CSV):
            {ReportCsv.Breakdown(adSets)}
            Steps:
            1. Compare each ad set's CPA with the campaign's; note which ones spend the most at the worst CPA.
            2. Call get_metrics with ad_set_id and granularity day for those ad sets (14 days to "{last:yyyy-MM-dd}") to see when CPA rose and whether clicks, CTR or conversions moved.
            3. Say the likely cause (rising CPC, falling conversion rate, a tired creative, a budget shift) with the numbers that show it.
            4. Propose fixes with dry_run: true (pause an ad set, move budget) and apply nothing until I agree.
            """);
    }

    private static GetPromptResult Prompt(string description, string text) => new()
    {
        Description = description,
        Messages = [new PromptMessage { Role = Role.User, Content = new TextContentBlock { Text = text } }],
    };

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, McpJson.Options);

    internal static long? Id(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null
        : long.TryParse(value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0 ? id
        : throw ValidationFailedException.For(field, $"'{value}' is not an id. Use the number from list_ad_accounts or get_campaigns.");
}
