using AdPilot.Core.Export;
using AdPilot.Web.Features.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdPilot.Web.Features.Privacy;

/// <summary>
/// The data export (docs/decisions/035): start, status, the recent list, and the download, which streams the ZIP from
/// storage to its signed-in owner only while the 24-hour link is valid.
/// </summary>
internal static class ExportApi
{
    public static void MapDataExportApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/users/me/export").WithTags("Data export").RequireAuthorization();
        group.MapPost("", StartExport);
        group.MapGet("", ListExports);
        group.MapGet("/{id:long}", GetExport);
        group.MapGet("/{id:long}/download", DownloadExport);
    }

    private static async Task<Results<Accepted<DataExportView>, ProblemHttpResult>> StartExport(HttpContext http, DataExportService exports, CancellationToken ct)
    {
        var start = await exports.StartAsync(http.User.UserId(), ct);
        return start.Started
            ? TypedResults.Accepted($"/api/v1/users/me/export/{start.Export.Id}", start.Export)
            : Problem(StatusCodes.Status409Conflict, DataExportErrors.InProgress,
                "An export is already in progress; wait for it to finish.", new() { ["exportId"] = start.Export.Id });
    }

    private static async Task<Ok<DataExportList>> ListExports(HttpContext http, DataExportService exports, CancellationToken ct) =>
        TypedResults.Ok(await exports.ListAsync(http.User.UserId(), ct: ct));

    private static async Task<Ok<DataExportView>> GetExport(long id, HttpContext http, DataExportService exports, CancellationToken ct) =>
        TypedResults.Ok(await exports.GetAsync(http.User.UserId(), id, ct));

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadExport(long id, HttpContext http, DataExportService exports, CancellationToken ct)
    {
        var download = await exports.OpenAsync(http.User.UserId(), id, ct);
        if (download.Content is { } content)
        {
            http.Response.Headers.CacheControl = "private, no-store";
            return TypedResults.Stream(content, "application/zip", download.FileName);
        }

        return download.Export.Status == DataExportStatus.Expired
            ? Problem(StatusCodes.Status410Gone, DataExportErrors.Expired, "This export's 24-hour download link has expired. Start a new export.", [])
            : Problem(StatusCodes.Status409Conflict, DataExportErrors.NotReady, "This export is not ready to download.", []);
    }

    private static ProblemHttpResult Problem(int status, string code, string detail, Dictionary<string, object?> extensions)
    {
        extensions["code"] = code;
        return TypedResults.Problem(detail, statusCode: status, extensions: extensions);
    }
}
