using AdPilot.Core.Common;
using AdPilot.Core.Reports;
using AdPilot.Web.Api;
using AdPilot.Web.Features.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdPilot.Web.Features.Reports;

internal static class ReportsApi
{
    public static void MapReportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/reports").WithTags("Reports").RequireAuthorization();
        group.MapPost("/metrics", SaveMetrics);
        group.MapGet("/metrics", Metrics);
        group.MapGet("/summary", Summary);
        group.MapGet("/breakdown", Breakdown);
        group.MapGet("/export", Export);
        group.MapGet("/suggestions", Suggestions);
        app.MapPost("/api/v1/ad-accounts/{id:long}/sync", SyncAccount).WithTags("Ad accounts").RequireAuthorization();
    }

    private static async Task<Ok<SaveMetricsResult>> SaveMetrics(SaveMetricsRequest request, HttpContext http, ReportService reports, CancellationToken ct) =>
        TypedResults.Ok(await reports.SaveAsync(http.User.UserId(), request, ct));

    private static async Task<Ok<MetricsReport>> Metrics(HttpContext http, ReportQueries queries, CancellationToken ct,
        DateOnly? from = null, DateOnly? to = null, long? adAccountId = null, string? level = null, long? entityId = null, string? currency = null, string? granularity = null) =>
        TypedResults.Ok(await queries.MetricsAsync(http.User.UserId(), Scope(from, to, adAccountId, level, entityId, currency),
            QueryEnum.Parse<ReportGranularity>(granularity, "granularity") ?? ReportGranularity.Day, ct));

    private static async Task<Ok<SummaryReport>> Summary(HttpContext http, ReportQueries queries, CancellationToken ct,
        DateOnly? from = null, DateOnly? to = null, long? adAccountId = null, string? level = null, long? entityId = null, string? currency = null) =>
        TypedResults.Ok(await queries.SummaryAsync(http.User.UserId(), Scope(from, to, adAccountId, level, entityId, currency), ct));

    private static async Task<Ok<BreakdownReport>> Breakdown(HttpContext http, ReportQueries queries, CancellationToken ct,
        DateOnly? from = null, DateOnly? to = null, long? adAccountId = null, string? level = null, long? entityId = null, string? currency = null,
        string? sort = null, bool? descending = null) =>
        TypedResults.Ok(await queries.BreakdownAsync(http.User.UserId(), Scope(from, to, adAccountId, level, entityId, currency), sort, descending ?? sort is not "name", ct));

    /// <summary><c>kind=breakdown</c> (default) takes the breakdown's parameters; <c>kind=metrics</c> the series'.</summary>
    private static async Task<FileContentHttpResult> Export(HttpContext http, ReportQueries queries, CancellationToken ct,
        string? kind = null, DateOnly? from = null, DateOnly? to = null, long? adAccountId = null, string? level = null, long? entityId = null, string? currency = null,
        string? granularity = null, string? sort = null, bool? descending = null)
    {
        var scope = Scope(from, to, adAccountId, level, entityId, currency);
        var (csv, name) = kind switch
        {
            null or "" or "breakdown" => (ReportCsv.Breakdown(await queries.BreakdownAsync(http.User.UserId(), scope, sort, descending ?? sort is not "name", ct)), "breakdown"),
            "metrics" => (ReportCsv.Series(await queries.MetricsAsync(http.User.UserId(), scope,
                QueryEnum.Parse<ReportGranularity>(granularity, "granularity") ?? ReportGranularity.Day, ct)), "metrics"),
            _ => throw ValidationFailedException.For("kind", "Use one of: breakdown, metrics."),
        };
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"adpilot-{name}.csv");
    }

    private static async Task<Ok<IReadOnlyList<ReportSuggestion>>> Suggestions(HttpContext http, ReportSuggestions suggestions, CancellationToken ct, long? adAccountId = null) =>
        TypedResults.Ok(await suggestions.ForUserAsync(http.User.UserId(), adAccountId, ct));

    private static async Task<Ok<SyncResult>> SyncAccount(long id, HttpContext http, ReportIngestion ingestion, CancellationToken ct) =>
        TypedResults.Ok(await ingestion.SyncAsync(http.User.UserId(), id, ct));

    private static ReportScope Scope(DateOnly? from, DateOnly? to, long? adAccountId, string? level, long? entityId, string? currency) => new()
    {
        From = from, To = to, AdAccountId = adAccountId, Level = QueryEnum.Parse<ReportLevel>(level, "level") ?? ReportLevel.Account, EntityId = entityId,
        Currency = currency?.ToUpperInvariant(),
    };
}
