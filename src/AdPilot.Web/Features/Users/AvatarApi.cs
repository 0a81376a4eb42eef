using AdPilot.Core.Common;
using AdPilot.Core.Users;
using AdPilot.Web.Api;
using AdPilot.Web.Features.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdPilot.Web.Features.Users;

/// <summary>The profile picture: upload (re-encoded to square PNGs), remove, and the served files.</summary>
internal static class AvatarApi
{
    public static void MapAvatars(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/users/me/avatar").WithTags("Users").RequireAuthorization();
        group.MapPost("/", UploadAvatar).AcceptsUploadsUpTo(AvatarService.MaxBytes).Accepts<AvatarForm>("multipart/form-data");
        group.MapDelete("/", RemoveAvatar);
        app.MapGet(AvatarService.UrlPrefix + "{userId:long}/{file}", AvatarFile).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>Multipart field <c>file</c>: a JPEG, PNG, GIF or WebP of at most 5 MB; stored as 256 and 64 px squares.</summary>
    private static async Task<Ok<UserProfile>> UploadAvatar(HttpContext http, AvatarService avatars, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            throw ValidationFailedException.For("file", "Send multipart/form-data with the picture in the field 'file'.");
        }

        var form = await MultipartUploads.ReadFormAsync(http, AvatarService.MaxBytes, ct);
        var file = form.Files.GetFile("file") ?? throw ValidationFailedException.For("file", "Send the picture in the multipart field 'file'.");
        await using var content = file.OpenReadStream();
        return TypedResults.Ok(await avatars.UploadAsync(http.User.UserId(), content, ct));
    }

    private static async Task<Ok<UserProfile>> RemoveAvatar(HttpContext http, AvatarService avatars, CancellationToken ct) =>
        TypedResults.Ok(await avatars.RemoveAsync(http.User.UserId(), ct));

    /// <summary>Names are random and never reused, so a picture can be cached for good.</summary>
    private static async Task<FileStreamHttpResult> AvatarFile(long userId, string file, HttpContext http, AvatarService avatars, CancellationToken ct)
    {
        var stream = AvatarService.KeyOf(userId, file) is { } key ? await avatars.OpenAsync(key, ct) : null;
        if (stream is null)
        {
            throw new NotFoundException("Avatar", file);
        }

        http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return TypedResults.Stream(stream, "image/png");
    }

    /// <summary>The upload form as the OpenAPI document describes it.</summary>
    private sealed record AvatarForm(IFormFile File);
}
