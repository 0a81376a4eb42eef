using System.ComponentModel;
using System.Text.Json.Nodes;
using AdPilot.Core.Actions;
using AdPilot.Core.LandingPages;
using AdPilot.Web.Features.Mcp;
using ModelContextProtocol.Server;

namespace AdPilot.Web.Features.LandingPages;

/// <summary>
/// MCP tools over <see cref="LandingPageService"/>, <see cref="LandingPagePublisher"/> and <see cref="LandingPageTracking"/>.
/// Every write goes through <see cref="ToolWrites"/> (dry run, confirmation, action log); none of them can be undone from
/// the action log (undo re-applies campaign changes only), which the log shows.
/// </summary>
[McpServerToolType]
internal sealed class LandingPagesTools(
    ToolCaller caller, LandingPageService pages, LandingPagePublisher publisher, LandingPageTracking tracking, ActionLogService actions, IHttpContextAccessor http)
{
    private const string IdHelp = "The landing page's id, from get_landing_pages or create_landing_page.";
    private const string DryRunHelp = "True to preview: returns each field before → after and changes nothing. Preview first and show the user.";
    private const string ConfirmHelp = "Must be true to apply it (the user agreed); otherwise the call fails with confirmation_required.";
    private const string EntityType = "landing_page";

    private readonly ToolWrites _writes = new(caller, actions);

    [McpServerTool(Name = "get_landing_pages", Title = "List landing pages", UseStructuredContent = true, ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("Lists the user's landing pages (AdPilot's own page builder) with status, public URL, live version and all-time views, CTA clicks, leads " +
        "and conversion rate (leads ÷ views). Filter by status or a name/slug search; pages of up to 100, pass next_cursor as cursor for the next page.")]
    public async Task<ToolPage<LandingPageSummary>> GetLandingPagesAsync(
        [Description("Only this status: draft, published or archived.")] LandingPageStatus? status = null,
        [Description("Part of the page's name or slug.")] string? search = null,
        [Description("Order: updated (default, newest first), created, name, views or conversion_rate (best first).")] LandingPageSort sort = LandingPageSort.Updated,
        [Description("The next_cursor of the previous page; omit for the first page.")] string? cursor = null,
        [Description("Items per page, 1 to 100 (default 25).")] int? page_size = null,
        CancellationToken ct = default)
    {
        var page = await pages.ListAsync(caller.UserId, new LandingPageQuery
        {
            Status = status, Search = search, Sort = sort, Page = ToolPaging.Page(cursor), PageSize = ToolPaging.PageSize(page_size),
        }, ct);
        return ToolPaging.From(page, p => p with { PublishedUrl = Absolute(p.PublishedUrl) });
    }

    [McpServerTool(Name = "get_landing_page", Title = "Get a landing page", UseStructuredContent = true, ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("One landing page: its draft document (language, ordered blocks, theme, SEO), status, public URL, live version, whether the draft has " +
        "unpublished changes, and all-time views, clicks, leads and conversion rate.")]
    public async Task<LandingPageView> GetLandingPageAsync([Description(IdHelp)] long landing_page_id, CancellationToken ct = default) =>
        Absolute(await pages.GetAsync(caller.UserId, landing_page_id, ct));

    [McpServerTool(Name = "create_landing_page", Title = "Create a landing page", UseStructuredContent = true, ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Creates a draft landing page from a template (lead_generation, product_launch, webinar_signup, app_download), from a whole document, " +
        "or blank. Nothing is public until publish_landing_page. Preview with dry_run first.")]
    public async Task<WriteOutcome<LandingPageView>> CreateLandingPageAsync(
        [Description("The page's name, 1 to 200 characters (only the user sees it).")] string name,
        [Description("The public URL's slug (/p/{slug}): 3 to 60 lower-case letters, digits and single hyphens. Omit to make one from the name.")] string? slug = null,
        [Description("Start from this template: lead_generation, product_launch, webinar_signup or app_download. Ignored when a document is given.")] string? template = null,
        [Description("The template's language: en (default) or zh-CN.")] string? language = null,
        [Description("The whole page instead of a template: language, blocks, theme, seo (see get_landing_page's document).")] LandingPageDocument? document = null,
        [Description(DryRunHelp)] bool dry_run = false,
        CancellationToken ct = default)
    {
        var request = new CreateLandingPageRequest { Name = name, Slug = slug, Template = template, Language = language, Document = document };
        var source = document is not null ? $"{document.Blocks.Count} blocks" : template is { Length: > 0 } ? $"the {template} template" : "a blank page";
        var plan = new PlannedWrite("create_landing_page", EntityType, null, name, $"Create the draft landing page \"{name}\" from {source}.",
        [
            new FieldChange("name", null, name),
            new FieldChange("slug", null, slug),
            new FieldChange("template", null, document is null ? template : null),
            new FieldChange("status", null, "draft"),
        ]);
        return await _writes.RunAsync(plan, dry_run, false, async token => Absolute(await pages.CreateAsync(caller.UserId, request, token)), ct,
            (created, _) => Task.FromResult(new ActionRecord(plan.Action, EntityType, created!.Id, created.Name, plan.Summary, null, State(created))));
    }

    [McpServerTool(Name = "update_landing_page", Title = "Update a landing page", UseStructuredContent = true, ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Changes a page's draft: its name, slug, whole document (replaces all blocks, theme and SEO; get_landing_page first and send it back edited) " +
        "or whether each lead notifies the user. Omitted fields stay as they are. A published page keeps serving its live version until publish_landing_page. " +
        "Preview with dry_run first.")]
    public async Task<WriteOutcome<LandingPageView>> UpdateLandingPageAsync(
        [Description(IdHelp)] long landing_page_id,
        [Description("A new name, 1 to 200 characters.")] string? name = null,
        [Description("A new slug (changes the public URL once published).")] string? slug = null,
        [Description("The new draft document: language, blocks, theme, seo. It replaces the draft whole.")] LandingPageDocument? document = null,
        [Description("True: each lead raises a notification to the user; false: none.")] bool? notify_on_lead = null,
        [Description(DryRunHelp)] bool dry_run = false,
        CancellationToken ct = default)
    {
        var page = await pages.GetAsync(caller.UserId, landing_page_id, ct);
        var after = State(page.Name, slug ?? page.Slug, page.Status, document ?? page.Document, notify_on_lead ?? page.NotifyOnLead, page.PublishedVersion);
        after["name"] = name ?? page.Name;
        var changes = Diff(State(page), after);
        var plan = new PlannedWrite("update_landing_page", EntityType, page.Id, page.Name,
            changes.Count == 0 ? $"Nothing changes on \"{page.Name}\"." : $"Update the draft of \"{page.Name}\": {string.Join(", ", changes.Select(c => c.Field))}.", changes);
        return await _writes.RunAsync(plan, dry_run, false, async token => Absolute(await pages.UpdateAsync(caller.UserId, page.Id,
            new UpdateLandingPageRequest { Name = name, Slug = slug, Document = document, NotifyOnLead = notify_on_lead }, token)), ct);
    }

    [McpServerTool(Name = "delete_landing_page", Title = "Delete a landing page", UseStructuredContent = true, ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = true)]
    [Description("Deletes a landing page for good: its public URL answers 404, and its versions, leads and statistics are removed. Ads pointing at it keep their " +
        "last URL. Preview with dry_run first and show the user; the deletion itself needs confirm: true.")]
    public async Task<WriteOutcome<LandingPageView>> DeleteLandingPageAsync(
        [Description(IdHelp)] long landing_page_id,
        [Description(DryRunHelp)] bool dry_run = false,
        [Description(ConfirmHelp)] bool confirm = false,
        CancellationToken ct = default)
    {
        var page = await pages.GetAsync(caller.UserId, landing_page_id, ct);
        var plan = new PlannedWrite("delete_landing_page", EntityType, page.Id, page.Name,
            $"Delete the {Status(page.Status)} landing page \"{page.Name}\" with its {page.Totals.Leads} leads, versions and statistics.",
            State(page).Select(f => new FieldChange(f.Key, f.Value?.DeepClone(), null)).ToList(),
            ConfirmBecause: page.Status == LandingPageStatus.Published
                ? $"\"{page.Name}\" is live at {page.PublishedUrl}: deleting takes it offline and removes its {page.Totals.Leads} leads; it cannot be undone."
                : $"Deleting \"{page.Name}\" removes it with its {page.Totals.Leads} leads and versions; it cannot be undone.");
        return await _writes.RunAsync<LandingPageView>(plan, dry_run, confirm, async token =>
        {
            await pages.DeleteAsync(caller.UserId, page.Id, token);
            return null;
        }, ct);
    }

    [McpServerTool(Name = "publish_landing_page", Title = "Publish a landing page", UseStructuredContent = true, ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true)]
    [Description("Publishes the page's draft as a new version at its public URL (/p/{slug}, or the CDN), replacing the live version if there is one. " +
        "Preview with dry_run first.")]
    public async Task<WriteOutcome<LandingPageView>> PublishLandingPageAsync(
        [Description(IdHelp)] long landing_page_id,
        [Description(DryRunHelp)] bool dry_run = false,
        CancellationToken ct = default)
    {
        var page = await pages.GetAsync(caller.UserId, landing_page_id, ct);
        var next = (page.PublishedVersion ?? 0) + 1;
        var plan = new PlannedWrite("publish_landing_page", EntityType, page.Id, page.Name,
            page.Status == LandingPageStatus.Published
                ? $"Republish \"{page.Name}\" from its draft as version {next}, replacing version {page.PublishedVersion}."
                : $"Publish \"{page.Name}\" as version {next} at /p/{page.Slug}.",
        [
            new FieldChange("status", Status(page.Status), "published"),
            new FieldChange("published_version", page.PublishedVersion, next),
        ]);
        return await _writes.RunAsync(plan, dry_run, false, async token => Absolute(await publisher.PublishAsync(caller.UserId, page.Id, token)), ct);
    }

    [McpServerTool(Name = "unpublish_landing_page", Title = "Unpublish a landing page", UseStructuredContent = true, ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = true)]
    [Description("Takes a published page offline: its public URL answers 404 (ads pointing at it stop landing anywhere) until it is published again. " +
        "The draft, versions, leads and statistics stay. Preview with dry_run first; unpublishing a live page needs confirm: true.")]
    public async Task<WriteOutcome<LandingPageView>> UnpublishLandingPageAsync(
        [Description(IdHelp)] long landing_page_id,
        [Description(DryRunHelp)] bool dry_run = false,
        [Description(ConfirmHelp)] bool confirm = false,
        CancellationToken ct = default)
    {
        var page = await pages.GetAsync(caller.UserId, landing_page_id, ct);
        var live = page.Status == LandingPageStatus.Published;
        var plan = new PlannedWrite("unpublish_landing_page", EntityType, page.Id, page.Name,
            live ? $"Take \"{page.Name}\" offline: {page.PublishedUrl} will answer 404." : $"\"{page.Name}\" is not published; nothing changes.",
            live ? [new FieldChange("status", "published", "draft"), new FieldChange("published_url", page.PublishedUrl, null)] : [],
            ConfirmBecause: live ? $"\"{page.Name}\" is live: visitors and ads pointing at {page.PublishedUrl} will get a 404." : null);
        return await _writes.RunAsync(plan, dry_run, confirm, async token => Absolute(await publisher.UnpublishAsync(caller.UserId, page.Id, token)), ct);
    }

    [McpServerTool(Name = "get_landing_page_leads", Title = "List a landing page's leads", UseStructuredContent = true, ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("The leads a landing page's form collected, newest first: when, the e-mail if the form asks for one, and every field the visitor filled in. " +
        "These are personal data of the user's visitors: show them to the user, do not copy them elsewhere. Pages of up to 100; pass next_cursor as cursor.")]
    public async Task<ToolPage<LeadView>> GetLandingPageLeadsAsync(
        [Description(IdHelp)] long landing_page_id,
        [Description("The next_cursor of the previous page; omit for the first page.")] string? cursor = null,
        [Description("Items per page, 1 to 100 (default 25).")] int? page_size = null,
        CancellationToken ct = default) =>
        ToolPaging.From(await tracking.ListLeadsAsync(caller.UserId, landing_page_id, ToolPaging.Page(cursor), ToolPaging.PageSize(page_size), ct));

    private static string Status(LandingPageStatus status) => status.ToString().ToLowerInvariant();

    private static JsonObject State(LandingPageView page) =>
        State(page.Name, page.Slug, page.Status, page.Document, page.NotifyOnLead, page.PublishedVersion);

    /// <summary>What the action log keeps of a page: its settings and the outline of its blocks (a fingerprint of the whole document, which stays in the versions).</summary>
    private static JsonObject State(string name, string slug, LandingPageStatus status, LandingPageDocument document, bool notifyOnLead, int? publishedVersion) => new()
    {
        ["name"] = name,
        ["slug"] = slug,
        ["status"] = Status(status),
        ["language"] = document.Language,
        ["blocks"] = new JsonArray([.. document.Blocks.Select(b => (JsonNode?)$"{System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(b.Type.ToString())}:{b.Id}")]),
        ["document"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(document.ToJson())))[..12],
        ["notify_on_lead"] = notifyOnLead,
        ["published_version"] = publishedVersion,
    };

    private static List<FieldChange> Diff(JsonObject before, JsonObject after) =>
        after.Select(f => new FieldChange(f.Key, before[f.Key]?.DeepClone(), f.Value?.DeepClone())).Where(c => !JsonNode.DeepEquals(c.Before, c.After)).ToList();

    private LandingPageView Absolute(LandingPageView view) => view with { PublishedUrl = Absolute(view.PublishedUrl) };

    /// <summary>The local store serves pages on AdPilot's own host (<c>/p/{slug}</c>); a client elsewhere needs the whole URL.</summary>
    private string? Absolute(string? url) =>
        url is not null && url.StartsWith('/') && http.HttpContext?.Request is { } request ? $"{request.Scheme}://{request.Host}{request.PathBase}{url}" : url;
}
