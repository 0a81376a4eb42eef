using AdPilot.Core.DailyReports;
using AdPilot.Web.Features.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdPilot.Web.Features.DailyReports;

internal static class DailyReportsApi
{
    public static void MapDailyReportsApi(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/v1/reports").WithTags("Reports").RequireAuthorization().MapGet("/daily", DailyReport);

    /// <summary>The daily report of <c>date</c> (yyyy-MM-dd; default yesterday in the user's time zone), as the e-mail shows it.</summary>
    private static async Task<Ok<DailyReport>> DailyReport(HttpContext http, DailyReportService reports, CancellationToken ct, DateOnly? date = null) =>
        TypedResults.Ok(await reports.GetAsync(http.User.UserId(), date, ct));
}
