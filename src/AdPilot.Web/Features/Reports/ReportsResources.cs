using System.ComponentModel;
using AdPilot.Core.Common;
using AdPilot.Core.Reports;
using AdPilot.Web.Features.Mcp;
using ModelContextProtocol.Server;

namespace AdPilot.Web.Features.Reports;

/// <summary>
/// Report CSVs as MCP resources, the same files as the API's <c>/api/v1/reports/export</c> (<see cref="ReportCsv"/>). A scope is
/// <c>all</c>, <c>account-{id}</c>, <c>campaign-{id}</c>, <c>ad_set-{id}</c> or <c>ad-{id}</c>; another user's id is not found.
/// </summary>
[McpServerResourceType]
internal sealed class ReportsResources(ToolCaller caller, ReportQueries queries)
{
    private const string Scopes = "scope: all, account-{id}, campaign-{id}, ad_set-{id} or ad-{id}; from and to: yyyy-MM-dd, inclusive.";

    [McpServerResource(UriTemplate = "adpilot://reports/{scope}/{from}/{to}.csv", Name = "report_breakdown_csv", Title = "Report breakdown (CSV)", MimeType = "text/csv")]
    [Description("One row per child of the scope with its metrics and currency: all or an account → its campaigns, a campaign → its ad sets, an ad set → its ads, an ad → its creative. " + Scopes)]
    public async Task<string> BreakdownAsync(string scope, string from, string to, CancellationToken ct) =>
        ReportCsv.Breakdown(await queries.BreakdownAsync(caller.UserId, Scope(scope, from, to), ct: ct));

    [McpServerResource(UriTemplate = "adpilot://metrics/{scope}/{from}/{to}.csv", Name = "report_daily_csv", Title = "Daily metrics (CSV)", MimeType = "text/csv")]
    [Description("The scope's metrics day by day, one block of rows per currency. " + Scopes)]
    public async Task<string> DailyAsync(string scope, string from, string to, CancellationToken ct)
    {
        var reportScope = Scope(scope, from, to);
        var series = await queries.MetricsAsync(caller.UserId, reportScope, ReportGranularity.Day, ct);
        if (series.Series.Count == 0)
        {
            await queries.EnsureOwnedAsync(caller.UserId, reportScope, ct);
        }

        return ReportCsv.Series(series);
    }

    private static ReportScope Scope(string scope, string from, string to)
    {
        var dash = scope.LastIndexOf('-');
        var (kind, id) = scope == "all" ? ("all", null) : dash > 0 ? (scope[..dash], ReportsPrompts.Id(scope[(dash + 1)..], "scope")) : (scope, null);
        var level = kind switch
        {
            "all" => ReportLevel.Account,
            "account" => ReportLevel.Account,
            "campaign" => ReportLevel.Campaign,
            "ad_set" => ReportLevel.AdSet,
            "ad" => ReportLevel.Ad,
            _ => throw ValidationFailedException.For("scope", "Use all, account-{id}, campaign-{id}, ad_set-{id} or ad-{id}."),
        };
        if (kind != "all" && id is null)
        {
            throw ValidationFailedException.For("scope", $"Say which {kind}: {kind}-{{id}}.");
        }

        return new ReportScope { From = ToolDates.Parse(from, "from"), To = ToolDates.Parse(to, "to"), Level = level, EntityId = id };
    }
}
