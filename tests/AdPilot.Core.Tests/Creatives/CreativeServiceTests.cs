using AdPilot.Core.Common;
using AdPilot.Core.Creatives;
using AdPilot.Core.Data;
using AdPilot.Core.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AdPilot.Core.Tests.Creatives;

public sealed class CreativeServiceTests : IAsyncLifetime
{
    private readonly TestStorage _storage = new();
    private readonly FakeTimeProvider _clock = TestClock.At2026();
    private TestDatabase _db = null!;
    private CreativeService _creatives = null!;
    private long _user;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _creatives = ServiceFactory.Creatives(_db, _clock, _storage.Store);
        _user = await Seed.UserAsync(_db);
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        _storage.Dispose();
    }

    private Task<CreativeView> Upload(byte[] bytes, string fileName, string? name = null, params string[] tags) =>
        _creatives.UploadAsync(_user, new MemoryStream(bytes), fileName, new CreateCreativeRequest { Name = name, Tags = tags });

    [Fact]
    public async Task Upload_PngNamedJpg_IsStoredAsPng_WithThumbnailScoreAndNormalisedTags()
    {
        var creative = await Upload(TestMedia.Png(1080, 1080), "summer.jpg", tags: [" Summer ", "SALE", "sale"]);

        Assert.Equal(("summer", CreativeType.Image, "image/png", 1080, 1080), (creative.Name, creative.Type, creative.ContentType, creative.Width!.Value, creative.Height!.Value));
        Assert.Equal(["sale", "summer"], creative.Tags);
        Assert.Equal(100, creative.QualityScore);
        Assert.Contains("square", creative.SuggestedTags);
        Assert.Equal(4, creative.ScoreReasons.Count);
        Assert.NotNull(creative.ThumbnailUrl);
        var keys = _storage.Keys();
        Assert.Equal(2, keys.Count);
        Assert.All(keys, k => Assert.StartsWith($"u/{_user}/c/", k));
        Assert.Single(keys, k => k.EndsWith(".png", StringComparison.Ordinal));
        Assert.Single(keys, k => k.EndsWith("-thumb.jpg", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Upload_Mp4_StoresDurationAndDimensions_NoThumbnail()
    {
        var creative = await Upload(TestMedia.Mp4(1000, 9000, 1080, 1920), "clip.bin", "Clip");

        Assert.Equal((CreativeType.Video, 9.0, 1080, 1920), (creative.Type, creative.DurationSeconds!.Value, creative.Width!.Value, creative.Height!.Value));
        Assert.Null(creative.ThumbnailUrl);
        Assert.Contains("short-video", creative.SuggestedTags);
    }

    [Fact]
    public async Task Upload_BadFiles_AreRefused_AndNothingIsStored()
    {
        var small = ServiceFactory.Creatives(_db, _clock, _storage.Store, new CreativeOptions { MaxImageBytes = 50, MaxVideoBytes = 60 });

        await Assert.ThrowsAsync<ValidationFailedException>(() => Upload("plain text"u8.ToArray(), "x.png"));
        await Assert.ThrowsAsync<ValidationFailedException>(() => Upload([], "x.png"));
        var oversize = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            small.UploadAsync(_user, new MemoryStream(TestMedia.Png(30, 30)), "x.png", new CreateCreativeRequest()));

        Assert.Contains("file", oversize.Errors.Keys);
        Assert.Empty(_storage.Keys());
        Assert.Equal(0, (await _creatives.ListAsync(_user, new CreativeQuery())).Total);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task List_FiltersSearchSortsAndPaginates(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var creatives = ServiceFactory.Creatives(db, _clock, _storage.Store);
        var user = await Seed.UserAsync(db);
        Task<CreativeView> Upload(byte[] bytes, string fileName, string? name = null, params string[] tags) =>
            creatives.UploadAsync(user, new MemoryStream(bytes), fileName, new CreateCreativeRequest { Name = name, Tags = tags });

        var a = await Upload(TestMedia.Png(1080, 1080), "a.png", "Alpha summer", "summer", "sale");
        _clock.Advance(TimeSpan.FromDays(1));
        var b = await Upload(TestMedia.Png(300, 500), "b.png", "Bravo", "summer");
        _clock.Advance(TimeSpan.FromDays(1));
        var c = await Upload(TestMedia.Mp4(1000, 10_000, 1280, 720), "c.mp4", "Charlie 100%");
        await creatives.UpdateAsync(user, b.Id, new UpdateCreativeRequest { Status = CreativeStatus.Archived });

        async Task<long[]> Ids(CreativeQuery q) => [.. (await creatives.ListAsync(user, q)).Items.Select(i => i.Id)];

        Assert.Equal([c.Id, b.Id, a.Id], await Ids(new CreativeQuery()));
        Assert.Equal([a.Id, b.Id, c.Id], await Ids(new CreativeQuery { Sort = CreativeSort.Oldest }));
        Assert.Equal([a.Id, b.Id, c.Id], await Ids(new CreativeQuery { Sort = CreativeSort.Name }));
        Assert.Equal(a.Id, (await Ids(new CreativeQuery { Sort = CreativeSort.Score }))[0]);
        Assert.Equal([c.Id], await Ids(new CreativeQuery { Type = CreativeType.Video }));
        Assert.Equal([b.Id], await Ids(new CreativeQuery { Status = CreativeStatus.Archived }));
        Assert.Equal([b.Id, a.Id], await Ids(new CreativeQuery { Tags = ["Summer"] }));
        Assert.Equal([a.Id], await Ids(new CreativeQuery { Tags = ["summer", "sale"] }));
        Assert.Equal([b.Id], await Ids(new CreativeQuery { CreatedFrom = b.CreatedAt, CreatedTo = c.CreatedAt }));
        Assert.Equal([a.Id], await Ids(new CreativeQuery { Search = "SUMMER" }));
        Assert.Equal([c.Id], await Ids(new CreativeQuery { Search = "100%" }));
        Assert.Empty(await Ids(new CreativeQuery { Search = "%" + "x" }));
        var page2 = await creatives.ListAsync(user, new CreativeQuery { PageSize = 2, Page = 2 });
        Assert.Equal((3, a.Id), (page2.Total, Assert.Single(page2.Items).Id));
        await Assert.ThrowsAsync<ValidationFailedException>(() => creatives.ListAsync(user, new CreativeQuery { PageSize = 500 }));
    }

    [Fact]
    public async Task Update_ChangesNameTagsAndStatus_NullsKeepValues()
    {
        var created = await Upload(TestMedia.Png(100, 100), "a.png", "Old", "one", "two");
        _clock.Advance(TimeSpan.FromHours(1));

        var renamed = await _creatives.UpdateAsync(_user, created.Id, new UpdateCreativeRequest { Name = "New" });
        var retagged = await _creatives.UpdateAsync(_user, created.Id, new UpdateCreativeRequest { Tags = ["two", "Three"], Status = CreativeStatus.Archived });

        Assert.Equal("New", renamed.Name);
        Assert.Equal(["one", "two"], renamed.Tags);
        Assert.Equal(("New", CreativeStatus.Archived), (retagged.Name, retagged.Status));
        Assert.Equal(["three", "two"], retagged.Tags);
        Assert.Equal(created.CreatedAt.AddHours(1), retagged.UpdatedAt);
        await Assert.ThrowsAsync<ValidationFailedException>(() => _creatives.UpdateAsync(_user, created.Id, new UpdateCreativeRequest { Status = CreativeStatus.Processing }));
        await Assert.ThrowsAsync<ValidationFailedException>(() => _creatives.UpdateAsync(_user, created.Id, new UpdateCreativeRequest { Tags = [new string('x', 51)] }));
    }

    /// <summary>P18: deleting a creative removes its original and thumbnail from storage.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Delete_RemovesRowOriginalAndThumbnail(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var storage = new TestStorage();
        var creatives = ServiceFactory.Creatives(db, _clock, storage.Store);
        var user = await Seed.UserAsync(db);
        var kept = await creatives.UploadAsync(user, new MemoryStream(TestMedia.Png(50, 50)), "keep.png", new CreateCreativeRequest());
        var doomed = await creatives.UploadAsync(user, new MemoryStream(TestMedia.Jpeg(400, 400)), "gone.jpg", new CreateCreativeRequest { Tags = ["x"] });
        var keysBefore = storage.Keys();

        await creatives.DeleteAsync(user, doomed.Id);

        Assert.Equal(4, keysBefore.Count);
        Assert.Equal(2, storage.Keys().Count);
        await Assert.ThrowsAsync<NotFoundException>(() => creatives.GetAsync(user, doomed.Id));
        Assert.Equal(kept.Id, (await creatives.GetAsync(user, kept.Id)).Id);
        await Assert.ThrowsAsync<NotFoundException>(() => creatives.DeleteAsync(user, doomed.Id));
    }

    [Fact]
    public async Task AnotherUsersCreative_IsNotFound_OnEveryOperation_AndUntouched()
    {
        var mine = await Upload(TestMedia.Png(20, 20), "mine.png");
        var other = await Seed.UserAsync(_db, "other@example.com");

        await Assert.ThrowsAsync<NotFoundException>(() => _creatives.GetAsync(other, mine.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => _creatives.UpdateAsync(other, mine.Id, new UpdateCreativeRequest { Name = "stolen" }));
        await Assert.ThrowsAsync<NotFoundException>(() => _creatives.DeleteAsync(other, mine.Id));
        Assert.Empty((await _creatives.ListAsync(other, new CreativeQuery())).Items);
        Assert.Equal("mine", (await _creatives.GetAsync(_user, mine.Id)).Name);
        Assert.Equal(2, _storage.Keys().Count);
    }

    [Fact]
    public async Task PresignedUpload_CompletesForItsOwner_Only_AndOnce()
    {
        var other = await Seed.UserAsync(_db, "other@example.com");
        var ticket = _creatives.CreateUploadUrl(_user, new UploadUrlRequest { ContentType = "image/png", Size = 1000 });
        await _storage.Store.PutAsync(ticket.UploadKey, new MemoryStream(TestMedia.Png(64, 80)), "image/png");

        await Assert.ThrowsAsync<NotFoundException>(() => _creatives.CompleteUploadAsync(other, new CompleteUploadRequest { UploadKey = ticket.UploadKey }));
        var creative = await _creatives.CompleteUploadAsync(_user, new CompleteUploadRequest { UploadKey = ticket.UploadKey, Name = "From browser", Tags = ["web"] });
        await Assert.ThrowsAsync<ConflictException>(() => _creatives.CompleteUploadAsync(_user, new CompleteUploadRequest { UploadKey = ticket.UploadKey }));

        Assert.StartsWith($"uploads/{_user}/", ticket.UploadKey, StringComparison.Ordinal);
        Assert.Equal(("PUT", "image/png"), (ticket.Method, ticket.Headers["Content-Type"]));
        Assert.Equal(("From browser", 64, 80), (creative.Name, creative.Width!.Value, creative.Height!.Value));
        Assert.Equal(_clock.GetUtcNow().UtcDateTime.AddMinutes(15), ticket.ExpiresAt);
    }

    [Fact]
    public async Task PresignedUpload_MissingOrInvalid_IsRefused_AndTheInvalidObjectRemoved()
    {
        var ticket = _creatives.CreateUploadUrl(_user, new UploadUrlRequest { ContentType = "image/jpeg", Size = 100 });
        await Assert.ThrowsAsync<NotFoundException>(() => _creatives.CompleteUploadAsync(_user, new CompleteUploadRequest { UploadKey = ticket.UploadKey }));
        await _storage.Store.PutAsync(ticket.UploadKey, new MemoryStream("<html>not an image</html>"u8.ToArray()), "image/jpeg");

        await Assert.ThrowsAsync<ValidationFailedException>(() => _creatives.CompleteUploadAsync(_user, new CompleteUploadRequest { UploadKey = ticket.UploadKey }));

        Assert.Empty(_storage.Keys());
        Assert.Throws<ValidationFailedException>(() => _creatives.CreateUploadUrl(_user, new UploadUrlRequest { ContentType = "text/html" }));
        Assert.Throws<ValidationFailedException>(() => _creatives.CreateUploadUrl(_user, new UploadUrlRequest { ContentType = "image/png", Size = 31L * 1024 * 1024 }));
        Assert.Throws<ValidationFailedException>(() => _creatives.CreateUploadUrl(_user, new UploadUrlRequest { ContentType = "image/png" })); // size is required
        await Assert.ThrowsAsync<NotFoundException>(() => _creatives.CompleteUploadAsync(_user, new CompleteUploadRequest { UploadKey = $"uploads/{_user}/../../x.png" }));
        await Assert.ThrowsAsync<NotFoundException>(() => _creatives.CompleteUploadAsync(_user, new CompleteUploadRequest { UploadKey = $"uploads/{_user}/x.png" }));
    }

    [Fact]
    public async Task PresignedUpload_Completed_MovesTheCheckedBytesToTheCreativesKey_SoTheUploadKeyCannotChangeIt()
    {
        var png = TestMedia.Png(64, 80);
        var ticket = _creatives.CreateUploadUrl(_user, new UploadUrlRequest { ContentType = "image/png", Size = png.Length });
        await _storage.Store.PutAsync(ticket.UploadKey, new MemoryStream(png), "image/png");

        var creative = await _creatives.CompleteUploadAsync(_user, new CompleteUploadRequest { UploadKey = ticket.UploadKey });
        await _storage.Store.PutAsync(ticket.UploadKey, new MemoryStream("<html>replaced</html>"u8.ToArray()), "image/png");
        var again = await Assert.ThrowsAsync<ConflictException>(() => _creatives.CompleteUploadAsync(_user, new CompleteUploadRequest { UploadKey = ticket.UploadKey }));

        Assert.Equal("upload_already_completed", again.Code);
        var id = ticket.UploadKey[(ticket.UploadKey.LastIndexOf('/') + 1)..^4];
        Assert.Equal([$"u/{_user}/c/{id}-thumb.jpg", $"u/{_user}/c/{id}.png"], _storage.Keys()); // the upload is gone, replaced bytes too
        await using var stored = await _storage.Store.GetAsync($"u/{_user}/c/{id}.png");
        using var copy = new MemoryStream();
        await stored!.CopyToAsync(copy);
        Assert.Equal(png, copy.ToArray());
        Assert.Equal(creative.Id, (await _creatives.GetAsync(_user, creative.Id)).Id);
    }

    [Fact]
    public async Task PresignedUpload_CompletedTwiceAtOnce_TheLoserIsAConflict_AndTheWinnersFilesStay()
    {
        var png = TestMedia.Png(64, 80);
        var ticket = _creatives.CreateUploadUrl(_user, new UploadUrlRequest { ContentType = "image/png", Size = png.Length });
        await _storage.Store.PutAsync(ticket.UploadKey, new MemoryStream(png), "image/png");
        var id = ticket.UploadKey[(ticket.UploadKey.LastIndexOf('/') + 1)..^4];
        var finalKey = $"u/{_user}/c/{id}.png";
        // The other completion commits its creative while this one is between its "already completed?" check and its insert.
        var racing = new CreativeService(_db, _storage.Store, new AdPilot.Core.Storage.NoCdnInvalidator(), new RivalCommitsFirst(_db, _user, finalKey),
            new CreativeMedia(Microsoft.Extensions.Options.Options.Create(new CreativeOptions())), Microsoft.Extensions.Options.Options.Create(new CreativeOptions()),
            _clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<CreativeService>.Instance);

        var lost = await Assert.ThrowsAsync<ConflictException>(() => racing.CompleteUploadAsync(_user, new CompleteUploadRequest { UploadKey = ticket.UploadKey }));

        Assert.Equal("upload_already_completed", lost.Code);
        Assert.Equal([$"u/{_user}/c/{id}-thumb.jpg", finalKey], _storage.Keys()); // the winner's file and thumbnail are not deleted
        var listed = await _creatives.ListAsync(_user, new CreativeQuery());
        Assert.Equal("rival", Assert.Single(listed.Items).Name);
    }

    /// <summary>A scorer that, like a second completion finishing first, commits a creative for the same file.</summary>
    private sealed class RivalCommitsFirst(TestDatabase db, long userId, string key) : ICreativeScorer
    {
        public CreativeScore Score(CreativeFacts facts)
        {
            using var context = db.CreateDbContext();
            context.Creatives.Add(new Creative
            {
                UserId = userId, Name = "rival", Type = CreativeType.Image, StorageKey = key, ContentType = "image/png",
                CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), UpdatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            });
            context.SaveChanges();
            return new DefaultCreativeScorer().Score(facts);
        }
    }

    [Fact]
    public async Task AbandonedUploads_AreDeletedOnceTheirUrlExpired_AndCreativesAreKept()
    {
        var creative = await Upload(TestMedia.Png(20, 20), "kept.png");
        var ticket = _creatives.CreateUploadUrl(_user, new UploadUrlRequest { ContentType = "image/png", Size = 10 });
        await _storage.Store.PutAsync(ticket.UploadKey, new MemoryStream(new byte[10]), "image/png");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow); // file times are the real clock's
        var sweeper = new AbandonedUploads(_storage.Store, Microsoft.Extensions.Options.Options.Create(new CreativeOptions()), clock,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<AbandonedUploads>.Instance);

        var whileValid = await sweeper.DeleteAsync();
        clock.Advance(new CreativeOptions().UploadUrlLifetime + AbandonedUploads.Grace + TimeSpan.FromMinutes(1));
        var afterExpiry = await sweeper.DeleteAsync();

        Assert.Equal((0, 1), (whileValid, afterExpiry));
        Assert.Equal(2, _storage.Keys().Count); // the creative's file and thumbnail
        Assert.DoesNotContain(ticket.UploadKey, _storage.Keys());
        Assert.Equal(creative.Id, (await _creatives.GetAsync(_user, creative.Id)).Id);
    }
}
