using AdPilot.Core.Common;
using AdPilot.Core.LandingPages;
using AdPilot.Web.Api;
using AdPilot.Web.Features.Identity;
using AdPilot.Web.Hosting.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AdPilot.Web.Features.LandingPages;

/// <summary>
/// The editor's image upload (<c>POST /api/v1/landing-pages/{id}/images</c>), page images (<c>GET /p/assets/{pageId}/{file}</c>)
/// and the draft preview in a new tab (<c>GET /landing-pages/{id}/preview</c>, owner only).
/// </summary>
internal static class PageImageEndpoints
{
    /// <summary>
    /// The preview is the user's own HTML served from the app's origin: sandboxed without scripts, forms or top navigation,
    /// so nothing in it can act with the session (allow-same-origin only lets its relative image URLs match 'self'; with no
    /// script allowed there is nothing to use that origin). Images and the two video players still load. Only the app's own
    /// pages may frame it (the list's thumbnails).
    /// </summary>
    public const string PreviewPolicy = "sandbox allow-same-origin allow-popups allow-popups-to-escape-sandbox; default-src 'none'; script-src 'none'; "
        + "img-src * data: blob:; style-src 'unsafe-inline'; frame-src https://www.youtube-nocookie.com https://player.vimeo.com; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    public static void MapPageImages(this IEndpointRouteBuilder app)
    {
        var limits = app.ServiceProvider.GetRequiredService<IOptions<LandingPageOptions>>().Value;
        app.MapPost("/api/v1/landing-pages/{id:long}/images", Upload).WithTags("Landing pages").RequireAuthorization()
            .AcceptsUploadsUpTo(limits.MaxImageBytes)
            .Accepts<PageImageForm>("multipart/form-data");
        app.MapGet("/p/assets/{pageId:long}/{file}", Asset).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/landing-pages/{id:long}/preview", Preview).RequireAuthorization().ExcludeFromDescription();
    }

    /// <summary>Multipart field <c>file</c>: a picture (JPEG, PNG, WebP, GIF), judged by its bytes; answers the reference the document keeps.</summary>
    private static async Task<Created<PageImageUpload>> Upload(long id, HttpContext http, PageImageService images, IOptions<LandingPageOptions> options, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            throw ValidationFailedException.For("file", "Send multipart/form-data with the picture in the field 'file'.");
        }

        var form = await MultipartUploads.ReadFormAsync(http, options.Value.MaxImageBytes, ct);
        var file = form.Files.GetFile("file") ?? throw ValidationFailedException.For("file", "Send the picture in the multipart field 'file'.");
        await using var content = file.OpenReadStream();
        var uploaded = await images.UploadAsync(http.User.UserId(), id, content, ct);
        return TypedResults.Created(uploaded.Url, uploaded);
    }

    /// <summary>Names are random and never reused, so an image can be cached for good.</summary>
    private static async Task<FileStreamHttpResult> Asset(long pageId, string file, HttpContext http, PageImageService images, CancellationToken ct)
    {
        var image = await images.ReadAsync(pageId, file, ct) ?? throw new NotFoundException("Image", file);
        http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return TypedResults.Stream(image.Content, image.ContentType);
    }

    /// <summary>The draft as it will look when published, for its owner only (another user's id is "not found").</summary>
    private static async Task<ContentHttpResult> Preview(long id, HttpContext http, LandingPageService pages, CancellationToken ct)
    {
        var html = await pages.PreviewAsync(http.User.UserId(), id, ct);
        SecurityHeadersMiddleware.UsePolicy(http, PreviewPolicy);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }

    /// <summary>The upload form as the OpenAPI document describes it.</summary>
    private sealed record PageImageForm(IFormFile File);
}
