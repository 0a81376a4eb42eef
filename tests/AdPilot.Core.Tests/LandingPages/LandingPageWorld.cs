using AdPilot.Core.Data;
using AdPilot.Core.LandingPages;
using AdPilot.Core.Storage;
using AdPilot.Core.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AdPilot.Core.Tests.LandingPages;

/// <summary>A database, a local store, a recording CDN and the landing-page service and publisher over them, with two users.</summary>
public sealed class LandingPageWorld : IAsyncDisposable
{
    private LandingPageWorld(TestDatabase db, TestStorage storage, FakeTimeProvider clock, LandingPageOptions options)
    {
        Db = db;
        Storage = storage;
        Clock = clock;
        Publisher = new LandingPagePublisher(db, storage.Store, Cdn, new LandingPageAdLinks(db), Options.Create(options),
            Options.Create(new StorageOptions()), clock, NullLogger<LandingPagePublisher>.Instance);
        Pages = new LandingPageService(db, Publisher, clock, NullLogger<LandingPageService>.Instance);
    }

    public TestDatabase Db { get; }

    public TestStorage Storage { get; }

    public FakeTimeProvider Clock { get; }

    public RecordingCdn Cdn { get; } = new();

    public LandingPagePublisher Publisher { get; }

    public LandingPageService Pages { get; }

    public long Alice { get; private set; }

    public long Bob { get; private set; }

    public static async Task<LandingPageWorld> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, LandingPageOptions? options = null)
    {
        var world = new LandingPageWorld(await TestDatabase.CreateAsync(provider), new TestStorage(), TestClock.At2026(),
            options ?? new LandingPageOptions { PublicBaseUrl = "https://pages.example.com/" });
        world.Alice = await Seed.UserAsync(world.Db, "alice-pages@example.com");
        world.Bob = await Seed.UserAsync(world.Db, "bob-pages@example.com");
        return world;
    }

    public Task<LandingPageView> CreateAsync(string name, LandingPageDocument? document = null, string? slug = null, long? user = null) =>
        Pages.CreateAsync(user ?? Alice, new CreateLandingPageRequest { Name = name, Slug = slug, Document = document });

    public async ValueTask DisposeAsync()
    {
        Publisher.Dispose();
        await Db.DisposeAsync();
        Storage.Dispose();
    }

    /// <summary>A page with one of every block type.</summary>
    public static LandingPageDocument RichDocument(string title = "Spring sale") => new()
    {
        Blocks =
        [
            new PageBlock { Id = "hero", Type = BlockType.Hero, Title = title, Subtitle = "Everything half price until Sunday.", ButtonLabel = "Get the deal", ButtonUrl = "#form" },
            new PageBlock { Id = "why", Type = BlockType.Heading, Title = "Why people love it", Level = 2 },
            new PageBlock { Id = "story", Type = BlockType.RichText, Html = "<p>We make <strong>good</strong> things. <a href=\"https://example.com/about\">About us</a>.</p><ul><li>One</li><li>Two</li></ul>" },
            new PageBlock { Id = "photo", Type = BlockType.Image, ImageUrl = "https://cdn.example.com/photo.jpg", ImageAlt = "A photo", ButtonUrl = "https://example.com/shop" },
            new PageBlock { Id = "cta", Type = BlockType.Button, ButtonLabel = "Call us", ButtonUrl = "tel:+15551234567" },
            new PageBlock
            {
                Id = "features", Type = BlockType.FeatureList, Title = "Features",
                Items = [new FeatureItem { Icon = "⚡", Title = "Fast", Text = "Loads in a blink." }, new FeatureItem { Icon = "🔒", Title = "Safe", Text = "Nothing to track you." }, new FeatureItem { Title = "Simple" }],
            },
            new PageBlock { Id = "quote", Type = BlockType.Testimonial, Html = "<p>It changed how we work.</p>", Author = "Ana", AuthorRole = "CEO, Acme", ImageUrl = "https://cdn.example.com/ana.jpg" },
            new PageBlock { Id = "video", Type = BlockType.Video, VideoUrl = "https://youtu.be/dQw4w9WgXcQ" },
            new PageBlock
            {
                Id = "signup", Type = BlockType.LeadForm, Title = "Get the offer", ButtonLabel = "Send me the offer",
                Fields =
                [
                    new FormField { Name = "name", Label = "Your name", Required = true },
                    new FormField { Name = "email", Label = "Email", Type = FormFieldType.Email, Required = true },
                    new FormField { Name = "phone", Label = "Phone", Type = FormFieldType.Phone },
                    new FormField { Name = "message", Label = "Message", Type = FormFieldType.TextArea },
                ],
            },
            new PageBlock { Id = "footer", Type = BlockType.Footer, Html = "<p>© 2026 Acme Ltd. <a href=\"mailto:hi@example.com\">hi@example.com</a></p>" },
        ],
        Theme = new PageTheme { PrimaryColor = "#E53935" },
        Seo = new PageSeo { Title = "Spring sale at Acme", Description = "Half price until Sunday.", SocialImageUrl = "https://cdn.example.com/social.jpg" },
    };
}

/// <summary>An <see cref="ICdnInvalidator"/> that records what it was asked to invalidate, and can be made to fail.</summary>
public sealed class RecordingCdn : ICdnInvalidator
{
    public List<string> Invalidated { get; } = [];

    public bool Fail { get; set; }

    public Task InvalidateAsync(IReadOnlyCollection<string> keys, CancellationToken ct = default)
    {
        if (Fail)
        {
            throw new HttpRequestException("CloudFront answered 503.");
        }

        lock (Invalidated)
        {
            Invalidated.AddRange(keys);
        }

        return Task.CompletedTask;
    }
}
