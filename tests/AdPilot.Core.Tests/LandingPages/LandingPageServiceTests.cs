using AdPilot.Core.Common;
using AdPilot.Core.Data;
using AdPilot.Core.LandingPages;
using AdPilot.Core.Tests.Support;

namespace AdPilot.Core.Tests.LandingPages;

public sealed class LandingPageServiceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_Blank_IsAHeroAndAFooter_WithASlugFromTheName(DatabaseProvider provider)
    {
        await using var world = await LandingPageWorld.CreateAsync(provider);

        var page = await world.CreateAsync("Spring Sale — Été 2026!");
        var got = await world.Pages.GetAsync(world.Alice, page.Id);

        Assert.Equal(("spring-sale-ete-2026", LandingPageStatus.Draft), (page.Slug, page.Status));
        Assert.Equal([BlockType.Hero, BlockType.Footer], got.Document.Blocks.Select(b => b.Type));
        Assert.Equal("Spring Sale — Été 2026!", got.Document.Blocks[0].Title);
        Assert.False(got.HasUnpublishedChanges);
        Assert.Equal(PageTotals.None, got.Totals);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_SlugRules_NumberedWhenTaken_PageNForNoAscii_ConflictWhenExplicitAndTaken(DatabaseProvider provider)
    {
        await using var world = await LandingPageWorld.CreateAsync(provider);

        var first = await world.CreateAsync("Spring sale");
        var second = await world.CreateAsync("Spring sale", user: world.Bob);
        var third = await world.CreateAsync("spring SALE");
        var chinese = await world.CreateAsync("春季促销");
        var chinese2 = await world.CreateAsync("夏季促销");
        var shortName = await world.CreateAsync("Go");
        var explicitFree = await world.CreateAsync("Whatever", slug: "my-offer");
        var taken = await Assert.ThrowsAsync<ConflictException>(() => world.CreateAsync("Other", slug: "spring-sale", user: world.Bob));

        Assert.Equal(["spring-sale", "spring-sale-2", "spring-sale-3"], new[] { first.Slug, second.Slug, third.Slug });
        Assert.Equal(["page-1", "page-2"], new[] { chinese.Slug, chinese2.Slug });
        Assert.Equal(("go-page", "my-offer"), (shortName.Slug, explicitFree.Slug));
        Assert.Equal("slug_taken", taken.Code);
        Assert.Contains("spring-sale-4", taken.Message);
    }

    [Fact]
    public async Task Update_SlugTakenByAnotherPage_IsAConflict_OwnSlugIsFine()
    {
        await using var world = await LandingPageWorld.CreateAsync();
        var a = await world.CreateAsync("Alpha");
        var b = await world.CreateAsync("Beta");

        var conflict = await Assert.ThrowsAsync<ConflictException>(() => world.Pages.UpdateAsync(world.Alice, b.Id, new UpdateLandingPageRequest { Slug = a.Slug }));
        var same = await world.Pages.UpdateAsync(world.Alice, a.Id, new UpdateLandingPageRequest { Slug = a.Slug, Name = "Alpha 2" });
        var renamed = await world.Pages.UpdateAsync(world.Alice, b.Id, new UpdateLandingPageRequest { Slug = "beta-launch" });

        Assert.Equal("slug_taken", conflict.Code);
        Assert.Equal(("alpha", "Alpha 2"), (same.Slug, same.Name));
        Assert.Equal("beta-launch", renamed.Slug);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Update_StaleBaseUpdatedAt_IsEditConflict_FreshOneSaves_AndThemeColorFollows(DatabaseProvider provider)
    {
        await using var world = await LandingPageWorld.CreateAsync(provider);
        var page = await world.CreateAsync("Offer");
        var loaded = await world.Pages.GetAsync(world.Alice, page.Id);
        world.Clock.Advance(TimeSpan.FromSeconds(1.2345));
        var fromTabOne = await world.Pages.UpdateAsync(world.Alice, page.Id, new UpdateLandingPageRequest { Name = "Offer v2", BaseUpdatedAt = loaded.UpdatedAt });
        world.Clock.Advance(TimeSpan.FromSeconds(1));

        var fromTabTwo = await Assert.ThrowsAsync<ConflictException>(() =>
            world.Pages.UpdateAsync(world.Alice, page.Id, new UpdateLandingPageRequest { Name = "Offer v3", BaseUpdatedAt = loaded.UpdatedAt }));
        var reloaded = await world.Pages.GetAsync(world.Alice, page.Id);
        var document = reloaded.Document with { Theme = reloaded.Document.Theme with { PrimaryColor = "#00AA55" } };
        var saved = await world.Pages.UpdateAsync(world.Alice, page.Id, new UpdateLandingPageRequest { Document = document, BaseUpdatedAt = reloaded.UpdatedAt });
        var list = await world.Pages.ListAsync(world.Alice, new LandingPageQuery());

        Assert.Equal("edit_conflict", fromTabTwo.Code);
        Assert.Equal("Offer v2", fromTabOne.Name);
        Assert.Equal("#00AA55", saved.Document.Theme.PrimaryColor);
        Assert.Equal("#00AA55", Assert.Single(list.Items).ThemeColor);
    }

    [Fact]
    public async Task Update_PerTypeRules_NameTheFieldPaths()
    {
        await using var world = await LandingPageWorld.CreateAsync();
        var page = await world.CreateAsync("Rules");
        var document = new LandingPageDocument
        {
            Blocks =
            [
                new PageBlock { Id = "a", Type = BlockType.Button, ButtonLabel = "Go", ButtonUrl = "javascript:alert(1)" },
                new PageBlock { Id = "b", Type = BlockType.Image, ImageUrl = "data:image/png;base64,AAAA" },
                new PageBlock { Id = "c", Type = BlockType.Video, VideoUrl = "https://evil.example.com/watch?v=dQw4w9WgXcQ" },
                new PageBlock { Id = "d", Type = BlockType.LeadForm, Fields = [new FormField { Name = "email", Label = "E" }, new FormField { Name = "email", Label = "E2" }] },
                new PageBlock { Id = "d", Type = BlockType.LeadForm, Fields = [new FormField { Name = "email", Label = "E" }] },
                new PageBlock { Id = "f", Type = BlockType.Image, ImageUrl = PageImages.Ref(new string('a', 32) + ".png", 800) },
            ],
            Seo = new PageSeo { SocialImageUrl = "ftp://example.com/x.png" },
        };

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            world.Pages.UpdateAsync(world.Alice, page.Id, new UpdateLandingPageRequest { Document = document }));

        Assert.Equal(
            ["document.blocks[0].buttonUrl", "document.blocks[1].imageUrl", "document.blocks[2].videoUrl", "document.blocks[3].fields[1].name",
                "document.blocks[4].id", "document.blocks[4].type", "document.blocks[5].imageUrl", "document.seo.socialImageUrl"],
            error.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Update_GoodUrls_AreKept_RichTextIsSanitised_VideoIsNormalised()
    {
        await using var world = await LandingPageWorld.CreateAsync();
        var page = await world.CreateAsync("Good");
        var file = new string('b', 32) + ".jpg";
        await world.Storage.Store.PutAsync(PageImages.Key(page.Id, file), new MemoryStream([1, 2, 3]), "image/jpeg");
        var document = new LandingPageDocument
        {
            Blocks =
            [
                new PageBlock { Id = "a", Type = BlockType.Button, ButtonLabel = "Mail", ButtonUrl = "mailto:hi@example.com" },
                new PageBlock { Id = "b", Type = BlockType.Button, ButtonLabel = "Form", ButtonUrl = "#form" },
                new PageBlock { Id = "c", Type = BlockType.Image, ImageUrl = PageImages.Ref(file, 1200) },
                new PageBlock { Id = "d", Type = BlockType.Video, VideoUrl = "https://vimeo.com/76979871" },
                new PageBlock { Id = "e", Type = BlockType.Video, VideoUrl = "https://www.youtube.com/embed/dQw4w9WgXcQ?start=3" },
                new PageBlock
                {
                    Id = "f", Type = BlockType.RichText,
                    Html = "<p onclick=\"x()\">Hi <b>there</b><script>alert(1)</script> <span style=\"color:#ff0000;position:fixed\">red</span> "
                        + "<span style=\"color: red\">ok</span> <a href=\"javascript:alert(1)\">bad</a> <a href=\"https://example.com\">good</a><img src=x onerror=alert(1)></p>",
                },
            ],
        };

        var saved = (await world.Pages.UpdateAsync(world.Alice, page.Id, new UpdateLandingPageRequest { Document = document })).Document;

        Assert.Equal(["mailto:hi@example.com", "#form"], saved.Blocks.Take(2).Select(b => b.ButtonUrl));
        Assert.Equal(PageImages.Ref(file, 1200), saved.Blocks[2].ImageUrl);
        Assert.Equal(["https://vimeo.com/76979871", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"], saved.Blocks.Skip(3).Take(2).Select(b => b.VideoUrl));
        var html = saved.Blocks[5].Html!;
        Assert.DoesNotContain("script", html);
        Assert.DoesNotContain("onclick", html);
        Assert.DoesNotContain("onerror", html);
        Assert.DoesNotContain("javascript", html);
        Assert.DoesNotContain("position", html);
        Assert.Contains("<b>there</b>", html);
        Assert.Matches("<span style=\"color: rgba\\(255, 0, 0, 1\\)\">red</span> <span style=\"color: [^\"]+\">ok</span>", html);
        Assert.Contains("href=\"https://example.com\"", html);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryMethod_AnotherUsersPage_IsNotFound(DatabaseProvider provider)
    {
        await using var world = await LandingPageWorld.CreateAsync(provider);
        var page = await world.CreateAsync("Alice's", LandingPageWorld.RichDocument());
        await world.Publisher.PublishAsync(world.Alice, page.Id);
        var bob = world.Bob;

        Task[] calls =
        [
            world.Pages.GetAsync(bob, page.Id),
            world.Pages.UpdateAsync(bob, page.Id, new UpdateLandingPageRequest { Name = "Mine now" }),
            world.Pages.DeleteAsync(bob, page.Id),
            world.Pages.ListVersionsAsync(bob, page.Id),
            world.Pages.RollbackAsync(bob, page.Id, 1),
            world.Pages.PreviewAsync(bob, page.Id),
            world.Publisher.PublishAsync(bob, page.Id),
            world.Publisher.UnpublishAsync(bob, page.Id),
        ];
        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAsync<NotFoundException>(() => call);
            Assert.Contains("landing_page", error.Message);
        }

        Assert.Empty((await world.Pages.ListAsync(bob, new LandingPageQuery())).Items);
        Assert.Empty(await world.Pages.PreviewsAsync(bob, [page.Id]));
        var still = await world.Pages.GetAsync(world.Alice, page.Id);
        Assert.Equal(("Alice's", LandingPageStatus.Published), (still.Name, still.Status));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task List_FiltersSearchesSortsAndPages_WithAllTimeTotals(DatabaseProvider provider)
    {
        await using var world = await LandingPageWorld.CreateAsync(provider);
        var a = await world.CreateAsync("Alpha offer", LandingPageWorld.RichDocument());
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        var b = await world.CreateAsync("Beta launch");
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        var c = await world.CreateAsync("Gamma webinar", slug: "alpha-webinar");
        await world.CreateAsync("Bob's", user: world.Bob);
        await world.Publisher.PublishAsync(world.Alice, a.Id);
        await using (var db = world.Db.CreateDbContext())
        {
            db.LandingPageDailyStats.AddRange(
                new LandingPageDailyStat { LandingPageId = a.Id, UserId = world.Alice, Date = new DateOnly(2026, 11, 1), Views = 100, Clicks = 10, Leads = 5 },
                new LandingPageDailyStat { LandingPageId = a.Id, UserId = world.Alice, Date = new DateOnly(2026, 11, 2), Views = 100, Clicks = 4, Leads = 1 },
                new LandingPageDailyStat { LandingPageId = b.Id, UserId = world.Alice, Date = new DateOnly(2026, 11, 2), Views = 50, Clicks = 1, Leads = 5 });
            await db.SaveChangesAsync();
        }

        async Task<long[]> Ids(LandingPageQuery q) => (await world.Pages.ListAsync(world.Alice, q)).Items.Select(p => p.Id).ToArray();

        Assert.Equal([c.Id, b.Id, a.Id], await Ids(new LandingPageQuery()));
        Assert.Equal([a.Id, b.Id, c.Id], await Ids(new LandingPageQuery { Sort = LandingPageSort.Name }));
        Assert.Equal([a.Id, b.Id, c.Id], await Ids(new LandingPageQuery { Sort = LandingPageSort.Views }));
        Assert.Equal([b.Id, a.Id, c.Id], await Ids(new LandingPageQuery { Sort = LandingPageSort.ConversionRate }));
        Assert.Equal([a.Id], await Ids(new LandingPageQuery { Status = LandingPageStatus.Published }));
        Assert.Equal([c.Id, a.Id], await Ids(new LandingPageQuery { Search = "ALPHA" }));
        Assert.Equal([b.Id], await Ids(new LandingPageQuery { Sort = LandingPageSort.Name, Page = 2, PageSize = 1 }));
        var first = (await world.Pages.ListAsync(world.Alice, new LandingPageQuery { Sort = LandingPageSort.Views, PageSize = 1 }));
        Assert.Equal(3, first.Total);
        Assert.Equal(new PageTotals(200, 14, 6, 0.03m), first.Items[0].Totals);
        Assert.Equal(new PageTotals(200, 14, 6, 0.03m), (await world.Pages.GetAsync(world.Alice, a.Id)).Totals);
        await Assert.ThrowsAsync<ValidationFailedException>(() => world.Pages.ListAsync(world.Alice, new LandingPageQuery { PageSize = 0 }));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task VersionsAndRollback_RollbackOfAPublishedPage_RepublishesAsANewVersion(DatabaseProvider provider)
    {
        await using var world = await LandingPageWorld.CreateAsync(provider);
        var page = await world.CreateAsync("Versions", LandingPageWorld.RichDocument("First title"));
        await world.Publisher.PublishAsync(world.Alice, page.Id);
        var v1 = await world.Pages.GetAsync(world.Alice, page.Id);
        var edited = v1.Document with { Blocks = [v1.Document.Blocks[0] with { Title = "Second title" }, .. v1.Document.Blocks.Skip(1)] };
        var draft = await world.Pages.UpdateAsync(world.Alice, page.Id, new UpdateLandingPageRequest { Document = edited });
        await world.Publisher.PublishAsync(world.Alice, page.Id);

        var rolledBack = await world.Pages.RollbackAsync(world.Alice, page.Id, 1);
        var versions = await world.Pages.ListVersionsAsync(world.Alice, page.Id);
        var live = await world.Publisher.ReadAsync(page.Slug);
        var missing = await Assert.ThrowsAsync<NotFoundException>(() => world.Pages.RollbackAsync(world.Alice, page.Id, 9));

        Assert.False(v1.HasUnpublishedChanges);
        Assert.True(draft.HasUnpublishedChanges);
        Assert.Equal(("First title", 3, false), (rolledBack.Document.Blocks[0].Title, rolledBack.PublishedVersion, rolledBack.HasUnpublishedChanges));
        Assert.Equal([3, 2, 1], versions.Select(v => v.Version));
        Assert.Equal([true, false, false], versions.Select(v => v.Live));
        Assert.All(versions, v => Assert.InRange(v.HtmlBytes, 1000, 50_000));
        Assert.Contains("First title", System.Text.Encoding.UTF8.GetString(live!.Html));
        Assert.Contains("landing_page_version", missing.Message);
    }

    [Fact]
    public async Task Rollback_OfADraftPage_OnlyChangesTheDraft()
    {
        await using var world = await LandingPageWorld.CreateAsync();
        var page = await world.CreateAsync("Draft rollback", LandingPageWorld.RichDocument("Old"));
        await world.Publisher.PublishAsync(world.Alice, page.Id);
        await world.Publisher.UnpublishAsync(world.Alice, page.Id);
        var doc = (await world.Pages.GetAsync(world.Alice, page.Id)).Document;
        await world.Pages.UpdateAsync(world.Alice, page.Id, new UpdateLandingPageRequest { Document = doc with { Blocks = [doc.Blocks[0] with { Title = "New" }] } });

        var rolledBack = await world.Pages.RollbackAsync(world.Alice, page.Id, 1);

        Assert.Equal(("Old", LandingPageStatus.Draft, 10), (rolledBack.Document.Blocks[0].Title, rolledBack.Status, rolledBack.Document.Blocks.Count));
        Assert.Single(await world.Pages.ListVersionsAsync(world.Alice, page.Id));
    }

    [Fact]
    public async Task Preview_IsTheDraft_WithoutScriptOrFormAction()
    {
        await using var world = await LandingPageWorld.CreateAsync();
        var page = await world.CreateAsync("Preview", LandingPageWorld.RichDocument("Draft headline"));

        var html = await world.Pages.PreviewAsync(world.Alice, page.Id);

        Assert.Contains("Draft headline", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("action=", html);
        Assert.Contains("this form does not send", html);
    }

    [Fact]
    public async Task Previews_AreTheDraftsOfTheOwnersPages_InOneCall()
    {
        await using var world = await LandingPageWorld.CreateAsync();
        var first = await world.CreateAsync("First", LandingPageWorld.RichDocument("First headline"));
        var second = await world.CreateAsync("Second", LandingPageWorld.RichDocument("Second headline"));

        var previews = await world.Pages.PreviewsAsync(world.Alice, [first.Id, second.Id, 999_999]);

        Assert.Equal([first.Id, second.Id], previews.Keys.Order());
        Assert.Equal(await world.Pages.PreviewAsync(world.Alice, second.Id), previews[second.Id]);
        Assert.Contains("First headline", previews[first.Id]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Delete_RemovesRowsPublishedHtmlAndImages_AndInvalidates(DatabaseProvider provider)
    {
        await using var world = await LandingPageWorld.CreateAsync(provider);
        var page = await world.CreateAsync("Doomed", LandingPageWorld.RichDocument());
        var other = await world.CreateAsync("Survivor", LandingPageWorld.RichDocument());
        await world.Storage.Store.PutAsync(PageImages.Key(page.Id, new string('c', 32) + ".png"), new MemoryStream([1]), "image/png");
        await world.Storage.Store.PutAsync(PageImages.Key(page.Id, new string('c', 32) + "-480.png"), new MemoryStream([1]), "image/png");
        await world.Publisher.PublishAsync(world.Alice, page.Id);
        await world.Publisher.PublishAsync(world.Alice, other.Id);
        await using (var db = world.Db.CreateDbContext())
        {
            db.LandingPageDailyStats.Add(new LandingPageDailyStat { LandingPageId = page.Id, UserId = world.Alice, Date = new DateOnly(2026, 11, 2), Views = 3 });
            await db.SaveChangesAsync();
        }

        await world.Pages.DeleteAsync(world.Alice, page.Id);

        Assert.Equal(["pages/survivor/index.html"], world.Storage.Keys());
        Assert.Contains("pages/doomed/index.html", world.Cdn.Invalidated);
        Assert.Null(await world.Publisher.ReadAsync("doomed"));
        await Assert.ThrowsAsync<NotFoundException>(() => world.Pages.GetAsync(world.Alice, page.Id));
        await using var check = world.Db.CreateDbContext();
        Assert.False(check.LandingPageVersions.Any(v => v.LandingPageId == page.Id));
        Assert.False(check.LandingPageDailyStats.Any(s => s.LandingPageId == page.Id));
    }
}
