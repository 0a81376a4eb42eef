using System.Collections.Concurrent;
using System.Text.Json;
using AdPilot.Core.Common;
using AdPilot.Core.Data;
using AdPilot.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AdPilot.Core.LandingPages;

public enum PageEventType
{
    View,
    Click,
}

/// <summary>What the beacon knows about a visitor: nothing personal is stored (no IP, no cookie); the IP only feeds the rate limit.</summary>
public sealed record Visitor(string? UserAgent, string? IpAddress);

/// <summary>How a page's lead form answers a visitor: in the page's language, with its success message, linking back to the page.</summary>
public sealed record LeadFormView(string Language, string SuccessMessage, string PageUrl);

/// <summary>
/// Conversions and leads (docs/decisions/034): the beacon's views and CTA clicks and the lead form's submissions, counted
/// per page per UTC day; leads listed and exported per page for its owner. Only published pages count, and only their
/// live version's blocks and form fields are accepted.
/// </summary>
public sealed class LandingPageTracking(
    IDbContextFactory<AppDbContext> dbFactory, NotificationService notifications, TimeProvider clock, ILogger<LandingPageTracking> logger)
{
    public const int MaxStatsDays = 366;

    /// <summary>The live document of a page version never changes, so what it allows is kept per version.</summary>
    private readonly ConcurrentDictionary<(long PageId, int Version), LiveForm> _live = new();

    /// <summary>Counts a view or click on a published page; false when it was not counted (no such page, a bot, a click on no CTA).</summary>
    public async Task<bool> RecordAsync(string slug, PageEventType type, string? blockId, Visitor visitor, CancellationToken ct = default)
    {
        if (PageBots.IsBot(visitor.UserAgent) || await FindPublishedAsync(slug, ct) is not { } page)
        {
            return false;
        }

        if (type == PageEventType.Click && (blockId is null || !(await LiveAsync(page, ct)).CallsToAction.Contains(blockId)))
        {
            return false;
        }

        await PageCounters.AddOneAsync(dbFactory, page.Id, page.UserId, Today(), type == PageEventType.Click ? PageCounter.Clicks : PageCounter.Views, ct);
        return true;
    }

    /// <summary>Stores a lead from a published page's form; validation errors name the fields; a filled honeypot is dropped silently (null).</summary>
    public async Task<LeadView?> SubmitLeadAsync(string slug, IReadOnlyDictionary<string, string> form, Visitor visitor, CancellationToken ct = default)
    {
        var page = await FindPublishedAsync(slug, ct) ?? throw new NotFoundException("Landing page", slug);
        if (!string.IsNullOrWhiteSpace(form.GetValueOrDefault(LandingPageRoutes.HoneypotField)))
        {
            logger.LogInformation("Dropped a lead for landing page {PageId}: the honeypot field was filled", page.Id);
            return null;
        }

        var live = await LiveAsync(page, ct);
        var lead = LeadForms.Check(live.Fields, form, live.Language);
        var row = new LandingPageLead
        {
            UserId = page.UserId,
            LandingPageId = page.Id,
            FieldsJson = JsonSerializer.Serialize(lead.Fields),
            Email = lead.Email is { Length: <= 254 } email ? email : null,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            db.LandingPageLeads.Add(row);
            await db.SaveChangesAsync(ct);
        }

        await PageCounters.AddOneAsync(dbFactory, page.Id, page.UserId, Today(), PageCounter.Leads, ct);
        if (page.NotifyOnLead)
        {
            await NotifyAsync(page, row.Id, ct);
        }

        return new LeadView(row.Id, row.LandingPageId, row.CreatedAt, row.Email, lead.Fields);
    }

    /// <summary>What the form's answer needs: the live version's language, its success message (the rendered page's default if none) and the page's public URL; null when not published.</summary>
    public async Task<LeadFormView?> GetLeadFormAsync(string slug, CancellationToken ct = default)
    {
        if (await FindPublishedAsync(slug, ct) is not { } page)
        {
            return null;
        }

        var live = await LiveAsync(page, ct);
        return new LeadFormView(live.Language, live.SuccessMessage ?? PageMessages.For(live.Language).Success, page.Url ?? LandingPageRoutes.Page(slug));
    }

    public async Task<Paged<LeadView>> ListLeadsAsync(long userId, long landingPageId, int page, int pageSize, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1 or > 10_000)
        {
            errors["page"] = ["page is between 1 and 10000."];
        }

        if (pageSize is < 1 or > 100)
        {
            errors["pageSize"] = ["pageSize is between 1 and 100."];
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureOwnedAsync(db, userId, landingPageId, ct);
        var leads = db.LandingPageLeads.AsNoTracking().Where(l => l.LandingPageId == landingPageId && l.UserId == userId);
        var total = await leads.CountAsync(ct);
        var rows = await leads.OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<LeadView>(rows.Select(View).ToList(), page, pageSize, total);
    }

    /// <summary>Every lead of the page as CSV (one column per form field), streamed.</summary>
    public async Task WriteLeadsCsvAsync(long userId, long landingPageId, Stream output, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await EnsureOwnedAsync(db, userId, landingPageId, ct);
        }

        await LeadCsv.WriteAsync(dbFactory, userId, landingPageId, output, ct);
    }

    public async Task<LandingPageStats> GetStatsAsync(long userId, long landingPageId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        if (to < from)
        {
            throw ValidationFailedException.For("to", "to must be on or after from.");
        }

        if (to.DayNumber - from.DayNumber + 1 > MaxStatsDays)
        {
            throw ValidationFailedException.For("from", $"The range is at most {MaxStatsDays} days.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureOwnedAsync(db, userId, landingPageId, ct);
        var rows = await db.LandingPageDailyStats.AsNoTracking()
            .Where(s => s.LandingPageId == landingPageId && s.UserId == userId && s.Date >= from && s.Date <= to)
            .ToDictionaryAsync(s => s.Date, ct);
        var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(i => from.AddDays(i)).Select(d => rows.TryGetValue(d, out var s)
            ? new PageDayStats(d, s.Views, s.Clicks, s.Leads, PageTotals.Of(s.Views, s.Clicks, s.Leads).ConversionRate)
            : new PageDayStats(d, 0, 0, 0, null)).ToList();
        return new LandingPageStats(landingPageId, from, to, days, PageTotals.Of(days.Sum(d => d.Views), days.Sum(d => d.Clicks), days.Sum(d => d.Leads)));
    }

    internal static LeadView View(LandingPageLead lead) =>
        new(lead.Id, lead.LandingPageId, lead.CreatedAt, lead.Email, ParseFields(lead.FieldsJson));

    internal static IReadOnlyDictionary<string, string> ParseFields(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        }
        catch (JsonException)
        {
            return new Dictionary<string, string>();
        }
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static async Task EnsureOwnedAsync(AppDbContext db, long userId, long landingPageId, CancellationToken ct)
    {
        if (!await db.LandingPages.AnyAsync(p => p.Id == landingPageId && p.UserId == userId, ct))
        {
            throw new NotFoundException("Landing page", landingPageId);
        }
    }

    private async Task<LivePage?> FindPublishedAsync(string slug, CancellationToken ct)
    {
        if (!SlugAttribute.IsSlug(slug))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.LandingPages.AsNoTracking()
            .Where(p => p.Slug == slug && p.Status == LandingPageStatus.Published && p.PublishedVersion != null)
            .Select(p => new LivePage(p.Id, p.UserId, p.Name, p.PublishedVersion!.Value, p.NotifyOnLead, p.PublishedUrl))
            .SingleOrDefaultAsync(ct);
    }

    private async Task<LiveForm> LiveAsync(LivePage page, CancellationToken ct)
    {
        if (_live.TryGetValue((page.Id, page.Version), out var cached))
        {
            return cached;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var json = await db.LandingPageVersions.AsNoTracking().Where(v => v.LandingPageId == page.Id && v.Version == page.Version)
            .Select(v => v.ContentJson).SingleOrDefaultAsync(ct);
        var live = LiveForm.Of(LandingPageDocument.Parse(json));
        if (_live.Count > 2_000)
        {
            _live.Clear();
        }

        _live[(page.Id, page.Version)] = live;
        return live;
    }

    /// <summary>A lead is stored first; a notification that cannot be raised is logged and never loses it.</summary>
    private async Task NotifyAsync(LivePage page, long leadId, CancellationToken ct)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var language = await db.Users.Where(u => u.Id == page.UserId).Select(u => u.Language).SingleAsync(ct);
            var (title, body) = NotificationTexts.For(NotificationCategories.LeadReceived, language, page.Name);
            await notifications.CreateAsync(page.UserId, new CreateNotificationRequest
            {
                Type = NotificationType.General,
                Category = NotificationCategories.LeadReceived,
                Title = title.Length > 200 ? title[..200] : title,
                Body = body,
                Link = $"/landing-pages/{page.Id}",
                DedupeKey = $"{NotificationCategories.LeadReceived}:lead{leadId}",
            }, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not raise the lead notification for landing page {PageId}", page.Id);
        }
    }

    private sealed record LivePage(long Id, long UserId, string Name, int Version, bool NotifyOnLead, string? Url);

    /// <summary>What the live version accepts: the block ids that count as calls to action, and the lead form's fields (and how it answers).</summary>
    private sealed record LiveForm(IReadOnlySet<string> CallsToAction, IReadOnlyList<FormField> Fields, string Language, string? SuccessMessage)
    {
        public static LiveForm Of(LandingPageDocument document) => new(
            document.Blocks.Where(IsCallToAction).Select(b => b.Id).ToHashSet(StringComparer.Ordinal),
            LeadForms.FieldsOf(document),
            document.Language,
            document.Blocks.FirstOrDefault(b => b.Type == BlockType.LeadForm && !string.IsNullOrWhiteSpace(b.SuccessMessage))?.SuccessMessage);

        /// <summary>A button, a hero with a button, or an image that links somewhere.</summary>
        private static bool IsCallToAction(PageBlock block) => block.Type switch
        {
            BlockType.Button => true,
            BlockType.Hero => !string.IsNullOrWhiteSpace(block.ButtonLabel) && !string.IsNullOrWhiteSpace(block.ButtonUrl),
            BlockType.Image => !string.IsNullOrWhiteSpace(block.ButtonUrl),
            _ => false,
        };
    }
}
