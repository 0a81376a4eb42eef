using AdPilot.Core.Data;
using AdPilot.Core.LandingPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.Web.Tests.LandingPages;

/// <summary>Landing pages stored as the service and publisher leave them, straight in the database (the tracking tests need no renderer).</summary>
public static class LandingPageSeed
{
    /// <summary>A slug of its own for each test (pages share one host per class).</summary>
    public static string Slug(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    public const string Browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    /// <summary>A hero with a button, a heading, a button (<c>cta</c>) and a lead form (name required, email required, phone).</summary>
    public static LandingPageDocument Document(string language = "en", string? successMessage = null) => new()
    {
        Language = language,
        Blocks =
        [
            new PageBlock { Id = "hero", Type = BlockType.Hero, Title = "Hi", ButtonLabel = "Go", ButtonUrl = "#form" },
            new PageBlock { Id = "heading", Type = BlockType.Heading, Title = "About" },
            new PageBlock { Id = "cta", Type = BlockType.Button, ButtonLabel = "Buy", ButtonUrl = "https://example.com/buy" },
            new PageBlock
            {
                Id = "form", Type = BlockType.LeadForm, Title = "Sign up", SuccessMessage = successMessage,
                Fields =
                [
                    new FormField { Name = "name", Label = "Name", Required = true },
                    new FormField { Name = "email", Label = "E-mail", Type = FormFieldType.Email, Required = true },
                    new FormField { Name = "phone", Label = "Phone", Type = FormFieldType.Phone },
                ],
            },
        ],
    };

    /// <summary>A page of the user's; published as version 1 of <paramref name="document"/> unless <paramref name="published"/> is false.</summary>
    public static async Task<long> PageAsync(IServiceProvider services, long userId, string slug, LandingPageDocument? document = null, bool published = true)
    {
        document ??= Document();
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var now = DateTime.UtcNow;
        var page = new LandingPage
        {
            UserId = userId, Name = "Page " + slug, Slug = slug, ContentJson = document.ToJson(),
            Status = published ? LandingPageStatus.Published : LandingPageStatus.Draft, PublishedVersion = published ? 1 : null,
            PublishedUrl = published ? LandingPageRoutes.Page(slug) : null, PublishedAt = published ? now : null, CreatedAt = now, UpdatedAt = now,
        };
        db.LandingPages.Add(page);
        await db.SaveChangesAsync();
        if (published)
        {
            db.LandingPageVersions.Add(new LandingPageVersion { UserId = userId, LandingPageId = page.Id, Version = 1, ContentJson = document.ToJson(), HtmlBytes = 2_000, PublishedAt = now });
            await db.SaveChangesAsync();
        }

        return page.Id;
    }

    public static async Task<(long Views, long Clicks, long Leads)> CountsAsync(IServiceProvider services, long pageId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var rows = await db.LandingPageDailyStats.Where(s => s.LandingPageId == pageId).ToListAsync();
        return (rows.Sum(r => r.Views), rows.Sum(r => r.Clicks), rows.Sum(r => r.Leads));
    }
}
