using System.Text;
using AdPilot.Core.Common;
using AdPilot.Core.Data;
using AdPilot.Core.LandingPages;
using AdPilot.Core.Tests.Support;

namespace AdPilot.Core.Tests.LandingPages;

/// <summary>P21 against the local store: publish, republish (new content, CDN invalidation), rename, unpublish.</summary>
public sealed class LandingPagePublisherTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Publish_WritesTheHtml_RecordsAVersion_AndReadServesIt(DatabaseProvider provider)
    {
        await using var world = await LandingPageWorld.CreateAsync(provider);
        var page = await world.CreateAsync("Launch", LandingPageWorld.RichDocument("Launch day"));

        var published = await world.Publisher.PublishAsync(world.Alice, page.Id);
        var live = await world.Publisher.ReadAsync("launch");

        Assert.Equal((LandingPageStatus.Published, 1, "https://pages.example.com/p/launch"), (published.Status, published.PublishedVersion, published.PublishedUrl));
        Assert.Equal(["pages/launch/index.html"], world.Storage.Keys());
        var html = Encoding.UTF8.GetString(live!.Html);
        Assert.Contains("Launch day", html);
        Assert.Contains("action=\"https://pages.example.com/p/launch/leads\"", html);
        Assert.Contains("data-events=\"https://pages.example.com/p/launch/events\"", html);
        Assert.Contains("<link rel=\"canonical\" href=\"https://pages.example.com/p/launch\">", html);
        Assert.Matches("^\"[0-9a-f]{32}\"$", live.ETag);
        Assert.Equal(page.Id, live.LandingPageId);
        Assert.Empty(world.Cdn.Invalidated); // a first publish has nothing cached to invalidate
        await using var db = world.Db.CreateDbContext();
        var row = db.LandingPages.Single(p => p.Id == page.Id);
        Assert.Equal(("pages/launch/index.html", live.ETag), (row.PublishedKey, row.PublishedETag));
    }

    [Fact]
    public async Task Publish_NothingToShow_IsRefused()
    {
        await using var world = await LandingPageWorld.CreateAsync();
        var empty = await world.CreateAsync("Empty", new LandingPageDocument());
        var formless = await world.CreateAsync("Formless", new LandingPageDocument { Blocks = [new PageBlock { Id = "f", Type = BlockType.LeadForm }] });

        var none = await Assert.ThrowsAsync<ValidationFailedException>(() => world.Publisher.PublishAsync(world.Alice, empty.Id));
        var noFields = await Assert.ThrowsAsync<ValidationFailedException>(() => world.Publisher.PublishAsync(world.Alice, formless.Id));

        Assert.Equal(["document.blocks"], none.Errors.Keys);
        Assert.Equal(["document.blocks[0].fields"], noFields.Errors.Keys);
        Assert.Empty(world.Storage.Keys());
    }

    [Fact]
    public async Task Republish_ServesTheNewContent_AtOnceOnThisNode_AndInvalidatesThePath()
    {
        await using var world = await LandingPageWorld.CreateAsync();
        var page = await world.CreateAsync("Sale", LandingPageWorld.RichDocument("Before"));
        await world.Publisher.PublishAsync(world.Alice, page.Id);
        var before = await world.Publisher.ReadAsync("sale"); // now cached on this node
        var doc = (await world.Pages.GetAsync(world.Alice, page.Id)).Document;
        await world.Pages.UpdateAsync(world.Alice, page.Id, new UpdateLandingPageRequest { Document = doc with { Blocks = [doc.Blocks[0] with { Title = "After" }] } });

        var republished = await world.Publisher.PublishAsync(world.Alice, page.Id);
        var after = await world.Publisher.ReadAsync("sale");

        Assert.Equal(2, republished.PublishedVersion);
        Assert.Contains("After", Encoding.UTF8.GetString(after!.Html));
        Assert.DoesNotContain("Before", Encoding.UTF8.GetString(after.Html));
        Assert.NotEqual(before!.ETag, after.ETag);
        Assert.Equal(["pages/sale/index.html"], world.Cdn.Invalidated);
    }

    [Fact]
    public async Task Republish_CdnFailure_KeepsThePublish()
    {
        await using var world = await LandingPageWorld.CreateAsync();
        var page = await world.CreateAsync("Flaky", LandingPageWorld.RichDocument());
        await world.Publisher.PublishAsync(world.Alice, page.Id);
        world.Cdn.Fail = true;

        var republished = await world.Publisher.PublishAsync(world.Alice, page.Id);

        Assert.Equal((LandingPageStatus.Published, 2), (republished.Status, republished.PublishedVersion));
        Assert.NotNull(await world.Publisher.ReadAsync("flaky"));
    }

    [Fact]
    public async Task Republish_AfterARename_MovesThePage_TheOldAddressIsHeldUntilThen()
    {
        await using var world = await LandingPageWorld.CreateAsync();
        var page = await world.CreateAsync("Old name", LandingPageWorld.RichDocument());
        await world.Publisher.PublishAsync(world.Alice, page.Id);

        var renamed = await world.Pages.UpdateAsync(world.Alice, page.Id, new UpdateLandingPageRequest { Slug = "new-name" });
        var stillOld = await world.Publisher.ReadAsync("old-name");
        var held = await Assert.ThrowsAsync<ConflictException>(() => world.CreateAsync("Squatter", slug: "old-name", user: world.Bob));
        var moved = await world.Publisher.PublishAsync(world.Alice, page.Id);

        Assert.True(renamed.HasUnpublishedChanges);
        Assert.NotNull(stillOld);
        Assert.Equal("slug_taken", held.Code);
        Assert.Equal("https://pages.example.com/p/new-name", moved.PublishedUrl);
        Assert.False(moved.HasUnpublishedChanges);
        Assert.Null(await world.Publisher.ReadAsync("old-name"));
        Assert.NotNull(await world.Publisher.ReadAsync("new-name"));
        Assert.Equal(["pages/new-name/index.html"], world.Storage.Keys());
        Assert.Equal(["pages/old-name/index.html", "pages/new-name/index.html"], world.Cdn.Invalidated);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Unpublish_DeletesTheObject_InvalidatesIt_AndReadAnswersNull(DatabaseProvider provider)
    {
        await using var world = await LandingPageWorld.CreateAsync(provider);
        var page = await world.CreateAsync("Gone soon", LandingPageWorld.RichDocument());
        await world.Publisher.PublishAsync(world.Alice, page.Id);
        Assert.NotNull(await world.Publisher.ReadAsync("gone-soon"));

        var draft = await world.Publisher.UnpublishAsync(world.Alice, page.Id);

        Assert.Equal((LandingPageStatus.Draft, null, null), (draft.Status, draft.PublishedUrl, draft.PublishedVersion));
        Assert.Null(await world.Publisher.ReadAsync("gone-soon"));
        Assert.Empty(world.Storage.Keys());
        Assert.Equal(["pages/gone-soon/index.html"], world.Cdn.Invalidated);
        Assert.Single(await world.Pages.ListVersionsAsync(world.Alice, page.Id)); // history stays for a rollback
    }

    [Fact]
    public async Task Read_UnknownOrInvalidSlugs_AreNull()
    {
        await using var world = await LandingPageWorld.CreateAsync();
        await world.CreateAsync("Draft only", LandingPageWorld.RichDocument());

        Assert.Null(await world.Publisher.ReadAsync("draft-only"));
        Assert.Null(await world.Publisher.ReadAsync("nope"));
        Assert.Null(await world.Publisher.ReadAsync("../../etc/passwd"));
        Assert.Null(await world.Publisher.ReadAsync("A"));
    }

    [Fact]
    public async Task Publish_LocalStoreWithoutBase_UsesSameOriginPaths()
    {
        await using var world = await LandingPageWorld.CreateAsync(options: new LandingPageOptions());
        var file = new string('d', 32) + ".jpg";
        var page = await world.CreateAsync("Relative");
        await world.Storage.Store.PutAsync(PageImages.Key(page.Id, file), new MemoryStream([1]), "image/jpeg");
        var document = LandingPageWorld.RichDocument() with { Blocks = [new PageBlock { Id = "pic", Type = BlockType.Image, ImageUrl = PageImages.Ref(file, 1200) }] };
        await world.Pages.UpdateAsync(world.Alice, page.Id, new UpdateLandingPageRequest { Document = document });

        var published = await world.Publisher.PublishAsync(world.Alice, page.Id);
        var html = Encoding.UTF8.GetString((await world.Publisher.ReadAsync("relative"))!.Html);

        Assert.Equal("/p/relative", published.PublishedUrl);
        Assert.Contains($"src=\"/p/assets/{page.Id}/{file}\"", html);
        Assert.Contains($"/p/assets/{page.Id}/{new string('d', 32)}-960.jpg 960w", html);
        Assert.DoesNotContain("-1600.jpg", html);
        Assert.Contains("data-events=\"/p/relative/events\"", html);
        Assert.Contains("connect-src &#39;self&#39;", html);
    }
}
