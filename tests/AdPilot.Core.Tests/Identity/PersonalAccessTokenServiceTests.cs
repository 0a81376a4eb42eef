using AdPilot.Core.Common;
using AdPilot.Core.Data;
using AdPilot.Core.Identity;
using AdPilot.Core.Tests.Support;
using AdPilot.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Time.Testing;

namespace AdPilot.Core.Tests.Identity;

public sealed class PersonalAccessTokenServiceTests
{
    /// <summary>One node: its own memory and session validator over the shared database.</summary>
    private static (PersonalAccessTokenService Tokens, SessionValidator Sessions) Node(IDbContextFactory<AppDbContext> db, TimeProvider clock)
    {
        var cache = new MemoryCache(new MemoryCacheOptions());
        var sessions = new SessionValidator(db, cache, clock, new LocalSessionRevocationBus());
        return (new PersonalAccessTokenService(db, clock, cache, sessions), sessions);
    }

    private static async Task<(TestDatabase Db, FakeTimeProvider Clock, long UserId)> SetupAsync()
    {
        var db = await TestDatabase.CreateAsync();
        var clock = TestClock.At2026();
        var user = await ServiceFactory.Users(db, clock).SignInAsync(new ExternalIdentity(AuthProviders.Dev, "pat@example.com", "pat@example.com", null, null));
        return (db, clock, user.Id);
    }

    [Fact]
    public async Task Create_StoresOnlyTheHash_AndTheSecretAuthenticatesWithItsScopes()
    {
        var (db, clock, userId) = await SetupAsync();
        await using var _ = db;
        var (tokens, _) = Node(db, clock);

        var created = await tokens.CreateAsync(userId, new CreateAccessTokenRequest { Name = "script", Scopes = [AccessScopes.Read] });

        Assert.StartsWith(PersonalAccessTokenService.TokenPrefix, created.Secret, StringComparison.Ordinal);
        await using var context = db.CreateDbContext();
        Assert.DoesNotContain(created.Secret, (await context.PersonalAccessTokens.SingleAsync()).TokenHash, StringComparison.Ordinal);
        var identity = await tokens.AuthenticateAsync(created.Secret);
        Assert.Equal((userId, "read"), (identity!.UserId, identity.Scopes));
        Assert.Null(await tokens.AuthenticateAsync(created.Secret + "x"));
    }

    [Fact]
    public async Task Create_UnknownScope_IsAFieldError()
    {
        var (db, clock, userId) = await SetupAsync();
        await using var _ = db;

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Node(db, clock).Tokens.CreateAsync(userId, new CreateAccessTokenRequest { Name = "x", Scopes = ["read", "admin"] }));

        Assert.Contains("scopes[1]", error.Errors.Keys);
    }

    [Fact]
    public async Task Revoke_OnAnotherNode_EndsTheRememberedTokenWhenTheRevocationArrives()
    {
        var (db, clock, userId) = await SetupAsync();
        await using var _ = db;
        var a = Node(db, clock);
        var b = Node(db, clock);
        var secret = (await a.Tokens.CreateAsync(userId, new CreateAccessTokenRequest { Name = "client" })).Secret;
        Assert.NotNull(await b.Tokens.AuthenticateAsync(secret)); // node B now remembers it

        await a.Tokens.RevokeAsync(userId, (await a.Tokens.ListAsync(userId)).Single().Id);
        Assert.Null(await a.Tokens.AuthenticateAsync(secret));

        b.Sessions.Forget(userId); // what the revocation message does on node B
        Assert.Null(await b.Tokens.AuthenticateAsync(secret));
    }

    [Fact]
    public async Task Revoke_MessageLost_OtherNodeForgetsTheTokenWithinTheSnapshotLifetime()
    {
        var (db, clock, userId) = await SetupAsync();
        await using var _ = db;
        var a = Node(db, clock);
        var b = Node(db, clock);
        var secret = (await a.Tokens.CreateAsync(userId, new CreateAccessTokenRequest { Name = "client" })).Secret;
        Assert.NotNull(await b.Tokens.AuthenticateAsync(secret));

        await a.Tokens.RevokeAsync(userId, (await a.Tokens.ListAsync(userId)).Single().Id);
        clock.Advance(SessionValidator.SnapshotLifetime + TimeSpan.FromSeconds(1));

        Assert.Null(await b.Tokens.AuthenticateAsync(secret));
    }

    [Fact]
    public async Task Authenticate_ExpiredToken_IsRefusedEvenWhileRemembered()
    {
        var (db, clock, userId) = await SetupAsync();
        await using var _ = db;
        var (tokens, _) = Node(db, clock);
        var secret = (await tokens.CreateAsync(userId, new CreateAccessTokenRequest { Name = "short", ExpiresInDays = 1 })).Secret;
        clock.Advance(TimeSpan.FromDays(1) - TimeSpan.FromSeconds(10));
        Assert.NotNull(await tokens.AuthenticateAsync(secret));

        clock.Advance(TimeSpan.FromSeconds(11));

        Assert.Null(await tokens.AuthenticateAsync(secret));
    }
}
