using AdPilot.Core.Common;
using AdPilot.Core.Creatives;
using AdPilot.Web.Api;
using AdPilot.Web.Features.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AdPilot.Web.Features.Creatives;

internal static class CreativesApi
{
    public static void MapCreativesApi(this IEndpointRouteBuilder app)
    {
        var limits = app.ServiceProvider.GetRequiredService<IOptions<CreativeOptions>>().Value;
        var group = app.MapGroup("/api/v1/creatives").WithTags("Creatives").RequireAuthorization();
        group.MapGet("/", List);
        // Only this route takes file-sized bodies: the largest creative plus room for the multipart framing.
        group.MapPost("/", Create).AcceptsUploadsUpTo(limits.MaxBytes)
            .Accepts<CompleteUploadRequest>("application/json", "multipart/form-data")
            .AddOpenApiOperationTransformer(DescribeUploadFormAsync);
        group.MapPost("/upload-url", CreateUploadUrl);
        group.MapGet("/{id:long}", Get);
        group.MapPatch("/{id:long}", Update);
        group.MapDelete("/{id:long}", Delete);
    }

    private static async Task<Ok<Paged<CreativeView>>> List(
        HttpContext http, CreativeService creatives, CancellationToken ct,
        string? type = null, string? status = null, string? tags = null, DateTime? from = null, DateTime? to = null,
        string? search = null, string? sort = null, int page = 1, int pageSize = 20) =>
        TypedResults.Ok(await creatives.ListAsync(http.User.UserId(), new CreativeQuery
        {
            Type = QueryEnum.Parse<CreativeType>(type, "type"),
            Status = QueryEnum.Parse<CreativeStatus>(status, "status"),
            Tags = CreativeTagRules.Split(tags),
            CreatedFrom = from?.ToUniversalTime(),
            CreatedTo = to?.ToUniversalTime(),
            Search = search,
            Sort = QueryEnum.Parse<CreativeSort>(sort, "sort") ?? CreativeSort.Newest,
            Page = page,
            PageSize = pageSize,
        }, ct));

    /// <summary>Multipart (<c>file</c>, <c>name</c>, <c>tags</c>) uploads the bytes; JSON completes a presigned upload.</summary>
    private static async Task<Created<CreativeView>> Create(HttpContext http, CreativeService creatives, IOptions<CreativeOptions> options, CancellationToken ct)
    {
        var userId = http.User.UserId();
        CreativeView created;
        if (http.Request.HasFormContentType)
        {
            var form = await MultipartUploads.ReadFormAsync(http, options.Value.MaxBytes, ct);
            var file = form.Files.GetFile("file") ?? throw ValidationFailedException.For("file", "Send the file in the multipart field 'file'.");
            await using var content = file.OpenReadStream();
            var request = new CreateCreativeRequest
            {
                Name = string.IsNullOrWhiteSpace(form["name"]) ? null : form["name"].ToString().Trim(),
                Tags = CreativeTagRules.Split(form["tags"]),
            };
            created = await creatives.UploadAsync(userId, content, file.FileName, request, ct);
        }
        else
        {
            created = await creatives.CompleteUploadAsync(userId, await ReadJsonAsync<CompleteUploadRequest>(http, ct)
                ?? throw ValidationFailedException.For("uploadKey", "Send multipart/form-data with a file, or JSON with uploadKey."), ct);
        }

        return TypedResults.Created($"/api/v1/creatives/{created.Id}", created);
    }

    /// <summary>One <c>Accepts</c> type covers both bodies; the multipart one is really the upload form.</summary>
    private static async Task DescribeUploadFormAsync(Microsoft.OpenApi.OpenApiOperation operation, Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (operation.RequestBody?.Content?.TryGetValue("multipart/form-data", out var form) == true)
        {
            form.Schema = await context.GetOrCreateSchemaAsync(typeof(CreativeUploadForm), null, ct);
        }
    }

    /// <summary>Malformed JSON becomes the same 400 problem that bound parameters give.</summary>
    private static async Task<T?> ReadJsonAsync<T>(HttpContext http, CancellationToken ct)
    {
        try
        {
            return await http.Request.ReadFromJsonAsync<T>(ct);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new BadHttpRequestException("The request body is not valid JSON.", StatusCodes.Status400BadRequest, ex);
        }
    }

    private static Ok<UploadTicket> CreateUploadUrl(UploadUrlRequest request, HttpContext http, CreativeService creatives) =>
        TypedResults.Ok(creatives.CreateUploadUrl(http.User.UserId(), request));

    private static async Task<Ok<CreativeView>> Get(long id, HttpContext http, CreativeService creatives, CancellationToken ct) =>
        TypedResults.Ok(await creatives.GetAsync(http.User.UserId(), id, ct));

    private static async Task<Ok<CreativeView>> Update(long id, UpdateCreativeRequest request, HttpContext http, CreativeService creatives, CancellationToken ct) =>
        TypedResults.Ok(await creatives.UpdateAsync(http.User.UserId(), id, request, ct));

    private static async Task<NoContent> Delete(long id, HttpContext http, CreativeService creatives, CancellationToken ct)
    {
        await creatives.DeleteAsync(http.User.UserId(), id, ct);
        return TypedResults.NoContent();
    }

    /// <summary>The multipart upload as the OpenAPI document describes it: the file, an optional name, comma-separated tags.</summary>
    private sealed record CreativeUploadForm(IFormFile File, string? Name = null, string? Tags = null);
}
