using AdPilot.Core.AccountDeletion;
using AdPilot.Core.AdAccounts;
using AdPilot.Core.Common;
using AdPilot.Core.Data;
using AdPilot.Core.Identity.Sessions;
using AdPilot.Core.Platforms;
using AdPilot.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Tests.AccountDeletion;

public sealed class AccountDeletionServiceTests
{
    private static readonly Uri Callback = new("http://localhost:5080/api/v1/ad-accounts/callback/simulated");

    [Fact]
    public async Task Model_EveryTable_IsGlobalOrReachedFromTheUser()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        await using var context = db.CreateDbContext();
        var model = context.Model;

        // A new table must either hang off the user (cascade), be owned (IOwned) or be declared global on purpose.
        Assert.Empty(DeletionScope.Unreached(model).Select(e => e.ClrType.Name));
        // Rows reached from the user must not be held back by a foreign key that neither cascades nor clears.
        var userData = DeletionScope.Cascaded(model);
        var blocking = model.GetEntityTypes().SelectMany(e => e.GetForeignKeys())
            .Where(fk => (userData.Contains(fk.PrincipalEntityType) || fk.PrincipalEntityType.ClrType == typeof(AdPilot.Core.Users.User))
                && fk.DeleteBehavior is not (DeleteBehavior.Cascade or DeleteBehavior.SetNull) && !userData.Contains(fk.DeclaringEntityType))
            .Select(fk => $"{fk.DeclaringEntityType.ClrType.Name} -> {fk.PrincipalEntityType.ClrType.Name}");
        Assert.Empty(blocking);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DeleteAsync_UserWithRowsInEveryTable_LeavesNoRowOfTheUser_AndKeepsTheOthers(DatabaseProvider provider)
    {
        await using var w = await DeletionWorld.CreateAsync(provider);
        var user = await Seed.UserAsync(w.Db, "gone@example.com");
        var other = await Seed.UserAsync(w.Db, "stays@example.com");
        var now = w.Clock.GetUtcNow().UtcDateTime;
        await UserRows.SeedAsync(w.Db.CreateDbContext, user, now);
        await UserRows.SeedAsync(w.Db.CreateDbContext, other, now);
        await using var context = w.Db.CreateDbContext();
        var tables = UserRows.Tables(context.Model);
        Assert.Contains(tables, t => t.ClrType == typeof(AdPilot.Core.Credits.CreditTransaction));
        foreach (var table in tables)
        {
            // The seed reaches every user table, so a table added later is covered without editing this test.
            Assert.True(await UserRows.CountAsync(context, table, user) > 0, $"no seeded row of the user in {table.GetTableName()}");
        }

        var othersBefore = await CountsAsync(context, tables, other);

        var result = await w.Service.DeleteAsync(user, DeletionWorld.Confirmed, w.FreshCaller);

        foreach (var table in tables)
        {
            Assert.True(await UserRows.CountAsync(context, table, user) == 0, $"rows of the deleted user left in {table.GetTableName()}");
        }

        Assert.False(await context.Users.AnyAsync(u => u.Id == user));
        Assert.Equal(othersBefore, await CountsAsync(context, tables, other));
        // The ledger and the orders are kept, under one random id that is not the user's.
        Assert.True(result.RecordsKeptAnonymised >= 2);
        var kept = await context.RetainedCreditTransactions.Select(t => t.AnonymousAccount).Concat(context.RetainedRechargeOrders.Select(o => o.AnonymousAccount)).Distinct().ToListAsync();
        Assert.Single(kept);
        Assert.Equal(user, Assert.Single(w.Jobs.Cancelled));
        Assert.Equal("gone@example.com", Assert.Single(w.Email.Sent).To);
    }

    [Fact]
    public async Task DeleteAsync_WrongWordOrStaleSignInOrToken_IsRefused_AndDeletesNothing()
    {
        await using var w = await DeletionWorld.CreateAsync();
        var user = await Seed.UserAsync(w.Db);
        await UserRows.SeedAsync(w.Db.CreateDbContext, user, w.Clock.GetUtcNow().UtcDateTime);
        await using var context = w.Db.CreateDbContext();
        var tables = UserRows.Tables(context.Model);
        var before = await CountsAsync(context, tables, user);
        var now = w.Clock.GetUtcNow().UtcDateTime;

        var wrong = await Assert.ThrowsAsync<ValidationFailedException>(() => w.Service.DeleteAsync(user, new DeleteAccountRequest { Confirmation = "delete" }, w.FreshCaller));
        var missing = await Assert.ThrowsAsync<ValidationFailedException>(() => w.Service.DeleteAsync(user, new DeleteAccountRequest(), w.FreshCaller));
        var stale = await Assert.ThrowsAsync<ForbiddenException>(() => w.Service.DeleteAsync(user, DeletionWorld.Confirmed, new DeletionCaller(now.AddMinutes(-11), false)));
        var unknown = await Assert.ThrowsAsync<ForbiddenException>(() => w.Service.DeleteAsync(user, DeletionWorld.Confirmed, new DeletionCaller(null, false)));
        var token = await Assert.ThrowsAsync<ForbiddenException>(() => w.Service.DeleteAsync(user, DeletionWorld.Confirmed, new DeletionCaller(now, true)));

        Assert.Equal("confirmation_mismatch", wrong.Code);
        Assert.Contains("confirmation", wrong.Errors.Keys);
        Assert.Contains("confirmation", missing.Errors.Keys);
        Assert.All([stale, unknown, token], e => Assert.Equal("reauthentication_required", e.Code));
        Assert.Contains("sign in again", stale.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await CountsAsync(context, tables, user));
        Assert.True(await context.Users.AnyAsync(u => u.Id == user));
        Assert.Empty(w.Jobs.Cancelled);
        Assert.Empty(w.Email.Sent);
    }

    [Fact]
    public async Task DeleteAsync_BoundAdAccount_RevokesThePlatformGrant()
    {
        await using var w = await DeletionWorld.CreateAsync();
        var user = await Seed.UserAsync(w.Db);
        var consent = await w.AdAccounts.ConnectAsync(user, AdPlatformKind.Simulated, Callback);
        var query = System.Web.HttpUtility.ParseQueryString(consent.AuthorizeUrl.Query);
        var code = w.Platform.IssueCode(user, query["code_challenge"], new Uri(query["redirect_uri"]!));
        var account = (await w.AdAccounts.CompleteAsync(user, AdPlatformKind.Simulated, code, query["state"], null))[0];
        var (_, access) = await w.AdAccounts.AccessAsync(user, account.Id);
        Assert.NotEmpty(await w.Platform.ListAdAccountsAsync(access.AccessToken, CancellationToken.None));

        await w.Service.DeleteAsync(user, DeletionWorld.Confirmed, w.FreshCaller);

        await Assert.ThrowsAsync<PlatformException>(() => w.Platform.ListAdAccountsAsync(access.AccessToken, CancellationToken.None));
    }

    [Fact]
    public async Task DeleteAsync_StorageDownInTheMiddle_DeletesTheRows_AndTheOutboxRetriesUntilTheObjectsAreGone()
    {
        await using var w = await DeletionWorld.CreateAsync();
        var user = await Seed.UserAsync(w.Db, "gone@example.com");
        var other = await Seed.UserAsync(w.Db, "stays@example.com");
        var keys = await PutUserObjectsAsync(w, user);
        var kept = $"u/{other}/c/keep.png";
        await w.Storage.PutAsync(kept, new MemoryStream([1, 2, 3]), "image/png");

        w.Storage.Down = true;
        var result = await w.Service.DeleteAsync(user, DeletionWorld.Confirmed, w.FreshCaller);
        Assert.Equal(1, w.Jobs.Drains);
        Assert.Equal(0, await w.Outbox.DrainAsync());

        // The rows are gone at once; the objects wait in the outbox, retried with a growing pause.
        await using var context = w.Db.CreateDbContext();
        Assert.False(await context.Users.AnyAsync(u => u.Id == user));
        var rows = await context.StorageDeletions.AsNoTracking().ToListAsync();
        Assert.Equal(result.StoredObjectsQueued, rows.Count);
        Assert.All(rows, r => Assert.Equal((1, "IOException"), (r.Attempts, r.LastError)));
        Assert.All(keys, k => Assert.True(w.Storage.ExistsAsync(k).Result));
        var failed = w.Storage.FailedDeletes;
        Assert.Equal(0, await w.Outbox.DrainAsync());
        Assert.Equal(failed, w.Storage.FailedDeletes);   // not due yet

        w.Clock.Advance(StorageDeletionOutbox.FirstRetryDelay);
        Assert.Equal(0, await w.Outbox.DrainAsync());    // still down: pushed back again
        Assert.All(await context.StorageDeletions.AsNoTracking().ToListAsync(), r => Assert.Equal(2, r.Attempts));

        w.Storage.Down = false;
        w.Clock.Advance(StorageDeletionOutbox.RetryDelay(2));
        Assert.Equal(rows.Count, await w.Outbox.DrainAsync());

        Assert.Empty(await context.StorageDeletions.ToListAsync());
        Assert.All(keys, k => Assert.False(w.Storage.ExistsAsync(k).Result, k));
        Assert.True(await w.Storage.ExistsAsync(kept));
    }

    [Fact]
    public async Task Outbox_PageSlugTakenAgainBeforeTheRun_LeavesTheNewOwnersFiles()
    {
        await using var w = await DeletionWorld.CreateAsync();
        var user = await Seed.UserAsync(w.Db, "gone@example.com");
        var other = await Seed.UserAsync(w.Db, "next@example.com");
        var keys = await PutUserObjectsAsync(w, user);
        w.Storage.Down = true;
        await w.Service.DeleteAsync(user, DeletionWorld.Confirmed, w.FreshCaller);
        await using (var context = w.Db.CreateDbContext())
        {
            // Another user takes the freed slug and publishes before the store comes back.
            context.LandingPages.Add(new AdPilot.Core.LandingPages.LandingPage { UserId = other, Name = "Next", Slug = "spring-sale", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
            await context.SaveChangesAsync();
        }

        w.Storage.Down = false;
        w.Clock.Advance(StorageDeletionOutbox.MaxRetryDelay);
        await w.Outbox.DrainAsync();

        Assert.True(await w.Storage.ExistsAsync("pages/spring-sale/index.html"));
        Assert.All(keys.Where(k => !k.StartsWith("pages/", StringComparison.Ordinal)), k => Assert.False(w.Storage.ExistsAsync(k).Result, k));
    }

    [Fact]
    public async Task SessionValidator_DeletedUser_HasNoValidTokenOrSession()
    {
        await using var w = await DeletionWorld.CreateAsync();
        var user = await Seed.UserAsync(w.Db);
        var now = w.Clock.GetUtcNow().UtcDateTime;
        var browser = Guid.NewGuid();
        await using (var context = w.Db.CreateDbContext())
        {
            context.UserSessions.Add(new UserSession { Id = browser, UserId = user, Kind = SessionKind.Browser, Device = "Chrome on Linux", Place = "203.0.113.x", CreatedAt = now, LastUsedAt = now });
            await context.SaveChangesAsync();
        }

        Assert.True(await w.Sessions.IsAccessTokenValidAsync(user, null, now));
        Assert.True(await w.Sessions.IsSessionValidAsync(user, browser, now));
        Assert.True(await w.Sessions.UserExistsAsync(user));

        await w.Service.DeleteAsync(user, DeletionWorld.Confirmed, w.FreshCaller);

        // Without a session id a token was judged by the user's stamp alone, and a missing user has none.
        Assert.False(await w.Sessions.IsAccessTokenValidAsync(user, null, now));
        Assert.False(await w.Sessions.IsSessionValidAsync(user, browser, now));
        Assert.False(await w.Sessions.UserExistsAsync(user));
        Assert.False(await w.Sessions.IsAccessTokenValidAsync(user, Guid.NewGuid(), now));
    }

    /// <summary>The user's files in every place deletion must reach: creatives, uploads, avatar, exports, a page's images and its published HTML.</summary>
    private static async Task<List<string>> PutUserObjectsAsync(DeletionWorld w, long user)
    {
        long pageId;
        await using (var context = w.Db.CreateDbContext())
        {
            var page = new AdPilot.Core.LandingPages.LandingPage
            {
                UserId = user, Name = "Spring", Slug = "spring-sale", PublishedKey = "pages/spring-sale/index.html",
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            };
            context.LandingPages.Add(page);
            await context.SaveChangesAsync();
            pageId = page.Id;
        }

        List<string> keys =
        [
            $"u/{user}/c/{Guid.NewGuid():N}.png", $"uploads/{user}/{Guid.NewGuid():N}.png", $"avatars/{user}/avatar.png",
            $"exports/{user}/export-1.zip", $"landing-pages/{pageId}/images/hero.png", "pages/spring-sale/index.html",
        ];
        foreach (var key in keys)
        {
            await w.Storage.PutAsync(key, new MemoryStream([1, 2, 3]), "application/octet-stream");
        }

        return keys;
    }

    private static async Task<List<long>> CountsAsync(AppDbContext context, IEnumerable<Microsoft.EntityFrameworkCore.Metadata.IEntityType> tables, long user)
    {
        var counts = new List<long>();
        foreach (var table in tables)
        {
            counts.Add(await UserRows.CountAsync(context, table, user));
        }

        return counts;
    }
}
