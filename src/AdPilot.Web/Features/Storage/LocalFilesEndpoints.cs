using AdPilot.Core.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
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

    private static async Task<IResult> PutFile(string key, HttpContext http, LocalObjectStorage storage, IOptions<StorageOptions> options, CancellationToken ct)
    {
        var contentType = http.Request.ContentType;
        if (!storage.Verify("PUT", key, http.Request.Query["exp"], http.Request.Query["sig"], contentType))
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        var limit = options.Value.Local.MaxUploadBytes;
        if (http.Request.ContentLength > limit)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        await using var body = new LimitedReadStream(http.Request.Body, limit);
        try
        {
            await storage.PutAsync(key, body, contentType!, ct);
        }
        catch (LimitedReadStream.TooLargeException)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        return TypedResults.Ok();
    }
}
