using System.ComponentModel;
using System.Text.Json.Nodes;
using AdPilot.Core.Actions;
using AdPilot.Core.Common;
using AdPilot.Core.Creatives;
using AdPilot.Web.Features.Mcp;
using ModelContextProtocol.Server;

namespace AdPilot.Web.Features.Creatives;

/// <summary>MCP tools over <see cref="CreativeService"/>: the user's library of ad images and videos.</summary>
[McpServerToolType]
internal sealed class CreativesTools(ToolCaller caller, CreativeService creatives, CreativeUrlImport import, ActionLogService actions, IHttpContextAccessor http)
{
    private const string IdHelp = "The creative's id, from get_creatives or create_creative.";

    [McpServerTool(Name = "get_creatives", Title = "List creatives", UseStructuredContent = true, ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("Lists the user's creatives (ad images and videos) with their size, quality score (0-100) and the scorer's reasons, tags and view URLs. " +
        "Filter by type, status, tags, creation date or a name search; pages of up to 100, pass next_cursor as cursor for the next page.")]
    public async Task<ToolPage<CreativeView>> GetCreativesAsync(
        [Description("Only this type: image or video.")] CreativeType? type = null,
        [Description("Only this status: active, archived or processing.")] CreativeStatus? status = null,
        [Description("Only creatives carrying every one of these tags.")] IReadOnlyList<string>? tags = null,
        [Description("Created at or after this instant (ISO 8601, UTC).")] DateTime? created_from = null,
        [Description("Created before this instant (ISO 8601, UTC).")] DateTime? created_to = null,
        [Description("Part of the creative's name.")] string? search = null,
        [Description("Order: newest (default), oldest, name or score (best first).")] CreativeSort sort = CreativeSort.Newest,
        [Description("The next_cursor of the previous page; omit for the first page.")] string? cursor = null,
        [Description("Items per page, 1 to 100 (default 25).")] int? page_size = null,
        CancellationToken ct = default)
    {
        var page = await creatives.ListAsync(caller.UserId, new CreativeQuery
        {
            Type = type, Status = status, Tags = tags, CreatedFrom = created_from?.ToUniversalTime(), CreatedTo = created_to?.ToUniversalTime(),
            Search = search, Sort = sort, Page = ToolPaging.Page(cursor), PageSize = ToolPaging.PageSize(page_size),
        }, ct);
        return ToolPaging.From(page, Absolute);
    }

    [McpServerTool(Name = "get_creative", Title = "Get a creative", UseStructuredContent = true, ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("One creative with its size, dimensions or duration, quality score and reasons, suggested tags and URLs to view the file and its thumbnail (valid for an hour).")]
    public async Task<CreativeView> GetCreativeAsync([Description(IdHelp)] long creative_id, CancellationToken ct) =>
        Absolute(await creatives.GetAsync(caller.UserId, creative_id, ct));

    [McpServerTool(Name = "get_upload_url", Title = "Get an upload URL", UseStructuredContent = true, ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Step 1 of uploading a file: returns a URL to PUT the file's bytes to (with the headers to send, exactly size bytes, before expires_at) " +
        "and an upload_key. Step 2: PUT the bytes, then call create_creative with the upload_key. " +
        "Accepted: image/jpeg, image/png, image/gif, image/webp (30 MB by default) and video/mp4, video/quicktime, video/webm (500 MB by default).")]
    public UploadTicket GetUploadUrl(
        [Description("The file's content type, e.g. image/png or video/mp4.")] string content_type,
        [Description("The exact number of bytes you will PUT.")] long size)
    {
        var ticket = creatives.CreateUploadUrl(caller.UserId, new UploadUrlRequest { ContentType = content_type, Size = size });
        return ticket with { UploadUrl = Absolute(ticket.UploadUrl) };
    }

    [McpServerTool(Name = "create_creative", Title = "Create a creative", UseStructuredContent = true, ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true)]
    [Description("Adds a creative to the library from either an upload_key (after PUTting the file to the URL from get_upload_url) or a public http(s) url " +
        "that AdPilot downloads (private and local addresses are refused). The file is checked by its content, stored, given a thumbnail and scored.")]
    public async Task<CreativeView> CreateCreativeAsync(
        [Description("The upload_key from get_upload_url, after the file was PUT. Give this or url.")] string? upload_key = null,
        [Description("A public http or https URL of the image or video to download. Give this or upload_key.")] string? url = null,
        [Description("The creative's name (up to 200 characters); defaults to the file name.")] string? name = null,
        [Description("Tags to file it under, e.g. [\"summer\", \"story\"].")] IReadOnlyList<string>? tags = null,
        CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(upload_key) == string.IsNullOrWhiteSpace(url))
        {
            throw ValidationFailedException.For("upload_key", "Give exactly one of upload_key (from get_upload_url) or url.");
        }

        var created = url is { Length: > 0 }
            ? await import.ImportAsync(caller.UserId, url, new CreateCreativeRequest { Name = name, Tags = tags }, ct)
            : await creatives.CompleteUploadAsync(caller.UserId, new CompleteUploadRequest { UploadKey = upload_key!, Name = name, Tags = tags }, ct);
        return Absolute(created);
    }

    [McpServerTool(Name = "update_creative", Title = "Update a creative", UseStructuredContent = true, ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Renames a creative, replaces its tags or sets its status (active or archived; archiving hides it from new ads without deleting it). " +
        "Omitted fields stay as they are.")]
    public async Task<CreativeView> UpdateCreativeAsync(
        [Description(IdHelp)] long creative_id,
        [Description("The new name, 1 to 200 characters.")] string? name = null,
        [Description("The new tags; they replace all the old ones. [] removes every tag.")] IReadOnlyList<string>? tags = null,
        [Description("active or archived.")] CreativeStatus? status = null,
        CancellationToken ct = default) =>
        Absolute(await creatives.UpdateAsync(caller.UserId, creative_id, new UpdateCreativeRequest { Name = name, Tags = tags, Status = status }, ct));

    [McpServerTool(Name = "delete_creative", Title = "Delete a creative", UseStructuredContent = true, ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = false)]
    [Description("Deletes a creative and its files for good. Preview first with dry_run: true and show the user; the deletion itself needs confirm: true. " +
        "To keep it but stop using it, archive it with update_creative instead.")]
    public async Task<WriteOutcome<CreativeView>> DeleteCreativeAsync(
        [Description(IdHelp)] long creative_id,
        [Description("true: only show what would be deleted; nothing changes.")] bool dry_run = false,
        [Description("true: the user agreed to delete it. Required to delete.")] bool confirm = false,
        CancellationToken ct = default)
    {
        var creative = await creatives.GetAsync(caller.UserId, creative_id, ct);
        var plan = new PlannedWrite("delete", "creative", creative.Id, creative.Name,
            $"Deletes the {creative.Type.ToString().ToLowerInvariant()} \"{creative.Name}\" ({creative.FileSize:N0} bytes) and its files.",
            [
                new FieldChange("name", creative.Name, null),
                new FieldChange("status", creative.Status.ToString().ToLowerInvariant(), null),
                new FieldChange("tags", new JsonArray([.. creative.Tags.Select(t => (JsonNode?)t)]), null),
            ],
            ConfirmBecause: "Deleting a creative cannot be undone.");
        return await new ToolWrites(caller, actions).RunAsync<CreativeView>(plan, dry_run, confirm, async token =>
        {
            await creatives.DeleteAsync(caller.UserId, creative.Id, token);
            return null;
        }, ct);
    }

    private CreativeView Absolute(CreativeView view) =>
        view with { Url = Absolute(view.Url), ThumbnailUrl = view.ThumbnailUrl is null ? null : Absolute(view.ThumbnailUrl) };

    /// <summary>Storage may hand out paths on AdPilot's own host; a client elsewhere needs the whole URL.</summary>
    private string Absolute(string url) =>
        http.HttpContext?.Request is { } request && url.StartsWith('/')
            ? $"{request.Scheme}://{request.Host}{request.PathBase}{url}"
            : url;
}
