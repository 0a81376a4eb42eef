using AdPilot.Core.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AdPilot.Web.Features.Storage;

/// <summary>
/// The local store's stand-in for S3's presigned URLs: <c>GET</c> and <c>PUT /files/{key}?exp=&amp;sig=</c>, anonymous
/// but only with a valid, unexpired signature for that method and key (and, for PUT, the signed content type).
/// </summary>
internal static class LocalFilesEndpoints
{
    public static void MapLocalFiles(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<LocalObjectStorage>() is null)
        {
            return;
        }

        var group = app.MapGroup("/files").AllowAnonymous().ExcludeFromDescription().AddEndpointFilter(async (context, next) =>
        {
            // Plain status codes for files: the UI's "not found" page would re-execute as PUT and answer 405.
            if (context.HttpContext.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            return await next(context);
        });
        group.MapGet("/{**key}", GetFile);
        group.MapPut("/{**key}", PutFile);
    }

    private static async Task<IResult> GetFile(string key, HttpContext http, LocalObjectStorage storage, CancellationToken ct)
    {
        if (!storage.Verify("GET", key, http.Request.Query["exp"], http.Request.Query["sig"], null))
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (await storage.StatAsync(key, ct) is not { } stored || await storage.GetAsync(key, ct) is not { } stream)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.CacheControl = "private, max-age=300";
        http.Response.Headers["X-Content-Type-Options"] = "nosniff";
        return TypedResults.Stream(stream, stored.ContentType, enableRangeProcessing: true);
    }

    /// <summary>
    /// Exactly the signed length and content type, or nothing is stored (ADR 012); the upload's bytes are judged, and
    /// moved to the creative's own key, when the upload is completed.
    /// </summary>
    private static async Task<IResult> PutFile(string key, HttpContext http, LocalObjectStorage storage, IOptions<StorageOptions> options, CancellationToken ct)
    {
        var contentType = http.Request.ContentType;
        if (!long.TryParse(http.Request.Query["len"], out var length)
            || !storage.Verify("PUT", key, http.Request.Query["exp"], http.Request.Query["sig"], contentType, length))
        {
            return Refuse(StatusCodes.Status403Forbidden, "upload_url_invalid", "The upload URL is invalid or expired, or the content type differs from the signed one.");
        }

        if (length > options.Value.Local.MaxUploadBytes || http.Request.ContentLength > length)
        {
            return TooLarge(length);
        }

        if (http.Request.ContentLength < length)
        {
            return ShortBody(length);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = length;
        }

        await using var body = new LimitedReadStream(http.Request.Body, length, exact: true);
        try
        {
            await storage.PutAsync(key, body, contentType!, ct);
        }
        catch (LimitedReadStream.TooLargeException)
        {
            return TooLarge(length);
        }
        catch (LimitedReadStream.TooShortException)
        {
            return ShortBody(length);
        }

        return TypedResults.Ok();
    }

    private static ProblemHttpResult TooLarge(long length) =>
        Refuse(StatusCodes.Status413PayloadTooLarge, "payload_too_large", $"This upload URL takes exactly {length:N0} bytes (and at most the store's limit).");

    private static ProblemHttpResult ShortBody(long length) =>
        Refuse(StatusCodes.Status400BadRequest, "upload_length_mismatch", $"This upload URL takes exactly {length:N0} bytes.");

    private static ProblemHttpResult Refuse(int status, string code, string detail) =>
        TypedResults.Problem(detail, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code });
}
