using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace AdPilot.Web.Api;

/// <summary>File uploads as multipart/form-data: the larger body limit an upload route sets for itself, and reading the form.</summary>
internal static class MultipartUploads
{
    /// <summary>The largest body the route accepts: the file's limit plus room for the multipart framing.</summary>
    public static RouteHandlerBuilder AcceptsUploadsUpTo(this RouteHandlerBuilder route, long fileBytes) =>
        route.WithMetadata(new UploadSizeLimit(fileBytes + (1024 * 1024)));

    /// <summary>A multipart body without a boundary, or cut short, is the client's mistake: a 400 problem, as for bound forms.</summary>
    public static async Task<IFormCollection> ReadFormAsync(HttpContext http, long fileBytes, CancellationToken ct)
    {
        try
        {
            return await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = fileBytes + (1024 * 1024) }, ct);
        }
        catch (Exception ex) when (ex is InvalidDataException || (ex is IOException and not BadHttpRequestException && !ct.IsCancellationRequested))
        {
            throw new BadHttpRequestException("The multipart body is malformed: it needs a boundary and complete parts.", StatusCodes.Status400BadRequest, ex);
        }
    }

    private sealed record UploadSizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
