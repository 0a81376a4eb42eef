using AdPilot.Core.Data;
using AdPilot.Core.LandingPages;
using AdPilot.Core.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AdPilot.Core.Tests.LandingPages;

/// <summary>A database with pages stored as the publisher leaves them (a live version), and the tracking service over it.</summary>
internal sealed class TrackingWorld(TestDatabase db, FakeTimeProvider clock, RecordingNotificationChannels channels) : IAsyncDisposable
{
    public const string Browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    public static readonly Visitor Person = new(Browser, "203.0.113.7");

    public TestDatabase Db { get; } = db;

    public FakeTimeProvider Clock { get; } = clock;

    public RecordingNotificationChannels Channels { get; } = channels;

    public AdPilot.Core.Notifications.NotificationService Notifications { get; } = ServiceFactory.Notifications(db, clock, channels);

    public LandingPageTracking Tracking => new(Db, Notifications, Clock, NullLogger<LandingPageTracking>.Instance);

    public static async Task<TrackingWorld> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite) =>
        new(await TestDatabase.CreateAsync(provider), TestClock.At2026(), new RecordingNotificationChannels());

    /// <summary>The document of the examples: a hero with a button, a plain heading, a button and a lead form.</summary>
    public static LandingPageDocument Document(params FormField[] fields) => new()
    {
        Blocks =
        [
            new PageBlock { Id = "hero", Type = BlockType.Hero, Title = "Hi", ButtonLabel = "Go", ButtonUrl = "#form" },
            new PageBlock { Id = "heading", Type = BlockType.Heading, Title = "About" },
            new PageBlock { Id = "cta", Type = BlockType.Button, ButtonLabel = "Buy", ButtonUrl = "https://example.com/buy" },
            new PageBlock
            {
                Id = "form", Type = BlockType.LeadForm, Title = "Sign up",
                Fields = fields.Length > 0 ? fields :
                [
                    new FormField { Name = "name", Label = "Name", Required = true },
                    new FormField { Name = "email", Label = "E-mail", Type = FormFieldType.Email, Required = true },
                    new FormField { Name = "phone", Label = "Phone", Type = FormFieldType.Phone },
                    new FormField { Name = "message", Label = "Message", Type = FormFieldType.TextArea },
                ],
            },
        ],
    };

    /// <summary>A page with <paramref name="live"/> as its published version 1 (null: a draft never published) and <paramref name="draft"/> as the editor's draft.</summary>
    public async Task<(long UserId, long PageId)> PageAsync(
        string slug, LandingPageDocument? live, LandingPageDocument? draft = null, string email = "owner@example.com", bool notify = true)
    {
        var userId = await Seed.UserAsync(Db, email);
        await using var context = Db.CreateDbContext();
        var now = Clock.GetUtcNow().UtcDateTime;
        var page = new LandingPage
        {
            UserId = userId, Name = "Spring sale " + slug, Slug = slug, ContentJson = (draft ?? live ?? new LandingPageDocument()).ToJson(),
            Status = live is null ? LandingPageStatus.Draft : LandingPageStatus.Published, PublishedVersion = live is null ? null : 1,
            PublishedUrl = live is null ? null : LandingPageRoutes.Page(slug), PublishedAt = live is null ? null : now,
            NotifyOnLead = notify, CreatedAt = now, UpdatedAt = now,
        };
        context.LandingPages.Add(page);
        await context.SaveChangesAsync();
        if (live is not null)
        {
            context.LandingPageVersions.Add(new LandingPageVersion { UserId = userId, LandingPageId = page.Id, Version = 1, ContentJson = live.ToJson(), HtmlBytes = 1000, PublishedAt = now });
            await context.SaveChangesAsync();
        }

        return (userId, page.Id);
    }

    public async Task<LandingPageDailyStat?> StatAsync(long pageId, DateOnly day)
    {
        await using var context = Db.CreateDbContext();
        return context.LandingPageDailyStats.SingleOrDefault(s => s.LandingPageId == pageId && s.Date == day);
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
