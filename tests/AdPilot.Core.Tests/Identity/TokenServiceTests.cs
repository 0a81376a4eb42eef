using AdPilot.Core.Common;
using AdPilot.Core.Data;
using AdPilot.Core.Identity;
using AdPilot.Core.Tests.Support;
using AdPilot.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AdPilot.Core.Tests.Identity;

public sealed class TokenServiceTests
{
    private static async Task<(TestDatabase Db, TokenService Tokens, UserProfile User, Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock)> SetupAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var clock = TestClock.At2026();
        var user = await ServiceFactory.Users(db, clock).SignInAsync(new ExternalIdentity(AuthProviders.Dev, "t@example.com", "t@example.com", null, null));
        return (db, ServiceFactory.Tokens(db, clock), user, clock);
    }

    [Fact]
    public async Task Issue_ReturnsValidAccessTokenFor15MinutesAndAStoredHashOnly()
    {
        var (db, tokens, user, _) = await SetupAsync();
        await using var _db = db;

        var pair = await tokens.IssueAsync(user.Id);

        Assert.Equal(900, pair.ExpiresIn);
        var jwt = new JsonWebToken(pair.AccessToken);
        Assert.Equal(user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), jwt.Subject);
        Assert.Equal(TimeSpan.FromMinutes(15), jwt.ValidTo - jwt.ValidFrom);
        await using var context = db.CreateDbContext();
        var stored = await context.RefreshTokens.SingleAsync();
        Assert.NotEqual(pair.RefreshToken, stored.TokenHash);
        Assert.Equal(TokenService.Hash(pair.RefreshToken), stored.TokenHash);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Refresh_RotatesAndReuseOfTheOldTokenRevokesTheWholeFamily(DatabaseProvider provider)
    {
        var (db, tokens, user, _) = await SetupAsync(provider);
        await using var _db = db;
        var first = await tokens.IssueAsync(user.Id);
        var second = await tokens.RefreshAsync(first.RefreshToken);
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);

        var reuse = await Assert.ThrowsAsync<UnauthorizedException>(() => tokens.RefreshAsync(first.RefreshToken));
        Assert.Equal("refresh_token_reused", reuse.Code);

        // The thief's replay also kills the legitimate holder's newer token.
        var afterTheft = await Assert.ThrowsAsync<UnauthorizedException>(() => tokens.RefreshAsync(second.RefreshToken));
        Assert.Equal("refresh_token_reused", afterTheft.Code);
    }

    [Fact]
    public async Task Refresh_AnotherFamilyOfTheSameUser_IsUnaffectedByReuse()
    {
        var (db, tokens, user, _) = await SetupAsync();
        await using var _db = db;
        var laptop = await tokens.IssueAsync(user.Id);
        var phone = await tokens.IssueAsync(user.Id);
        await tokens.RefreshAsync(laptop.RefreshToken);
        await Assert.ThrowsAsync<UnauthorizedException>(() => tokens.RefreshAsync(laptop.RefreshToken));

        var stillFine = await tokens.RefreshAsync(phone.RefreshToken);

        Assert.NotNull(stillFine.AccessToken);
    }

    [Fact]
    public async Task Refresh_ExpiredToken_IsRefused()
    {
        var (db, tokens, user, clock) = await SetupAsync();
        await using var _db = db;
        var pair = await tokens.IssueAsync(user.Id);
        clock.Advance(TimeSpan.FromDays(31));

        var error = await Assert.ThrowsAsync<UnauthorizedException>(() => tokens.RefreshAsync(pair.RefreshToken));

        Assert.Equal("refresh_token_expired", error.Code);
    }

    [Fact]
    public async Task Refresh_UnknownToken_IsRefused()
    {
        var (db, tokens, _, _) = await SetupAsync();
        await using var _db = db;

        var error = await Assert.ThrowsAsync<UnauthorizedException>(() => tokens.RefreshAsync("not-a-token"));

        Assert.Equal("invalid_refresh_token", error.Code);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Refresh_SameTokenConcurrently_AtMostOneSucceeds(DatabaseProvider provider)
    {
        var (db, tokens, user, _) = await SetupAsync(provider);
        await using var _db = db;
        var pair = await tokens.IssueAsync(user.Id);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            try
            {
                await tokens.RefreshAsync(pair.RefreshToken);
                return true;
            }
            catch (UnauthorizedException)
            {
                return false;
            }
        })));

        Assert.True(attempts.Count(ok => ok) <= 1);
    }

    [Fact]
    public async Task Revoke_EndsTheFamily()
    {
        var (db, tokens, user, _) = await SetupAsync();
        await using var _db = db;
        var pair = await tokens.IssueAsync(user.Id);

        await tokens.RevokeAsync(user.Id, pair.RefreshToken);

        await Assert.ThrowsAsync<UnauthorizedException>(() => tokens.RefreshAsync(pair.RefreshToken));
    }

    [Fact]
    public async Task Refresh_AfterRevoke_ThrowsRevokedNotReused()
    {
        var (db, tokens, user, _) = await SetupAsync();
        await using var _db = db;
        var pair = await tokens.IssueAsync(user.Id);
        await tokens.RevokeAsync(user.Id, pair.RefreshToken);

        var error = await Assert.ThrowsAsync<UnauthorizedException>(() => tokens.RefreshAsync(pair.RefreshToken));

        Assert.Equal("refresh_token_revoked", error.Code);
    }

    [Fact]
    public async Task SessionValidator_FamilyCreatedAfterItsSnapshot_IsAccepted_AndARevokedOneIsRefusedOnceForgotten()
    {
        var (db, tokens, user, clock) = await SetupAsync();
        await using var _db = db;
        var otherNode = ServiceFactory.Sessions(db, clock);
        var laptop = await tokens.IssueAsync(user.Id);
        Assert.True(await otherNode.IsAccessTokenValidAsync(user.Id, Sid(laptop), clock.GetUtcNow().UtcDateTime));

        clock.Advance(TimeSpan.FromSeconds(5));
        var phone = await tokens.IssueAsync(user.Id); // a family the other node's snapshot has never seen
        Assert.True(await otherNode.IsAccessTokenValidAsync(user.Id, Sid(phone), clock.GetUtcNow().UtcDateTime));

        await tokens.RevokeAsync(user.Id, laptop.RefreshToken);
        otherNode.Forget(user.Id); // what the revocation message does on every other node
        Assert.False(await otherNode.IsAccessTokenValidAsync(user.Id, Sid(laptop), clock.GetUtcNow().UtcDateTime));
        Assert.True(await otherNode.IsAccessTokenValidAsync(user.Id, Sid(phone), clock.GetUtcNow().UtcDateTime));
    }

    [Fact]
    public async Task RevokeAll_EndsEveryFamilyAndStampsTheUser()
    {
        var (db, tokens, user, clock) = await SetupAsync();
        await using var _db = db;
        var sessions = ServiceFactory.Sessions(db, clock);
        var browsers = new AdPilot.Core.Identity.Sessions.UserSessionService(db, sessions, clock);
        var pair = await tokens.IssueAsync(user.Id);
        var signedInAt = clock.GetUtcNow().UtcDateTime;
        var browser = await browsers.StartBrowserAsync(user.Id, AdPilot.Core.Identity.Sessions.SessionClient.Unknown);
        clock.Advance(TimeSpan.FromMinutes(1));

        await tokens.RevokeAllAsync(user.Id);

        Assert.False(await sessions.IsAccessTokenValidAsync(user.Id, Sid(pair), signedInAt));
        Assert.False(await sessions.IsSessionValidAsync(user.Id, browser, signedInAt));
        var later = await browsers.StartBrowserAsync(user.Id, AdPilot.Core.Identity.Sessions.SessionClient.Unknown);
        Assert.True(await sessions.IsSessionValidAsync(user.Id, later, clock.GetUtcNow().UtcDateTime));
        Assert.Equal("refresh_token_revoked", (await Assert.ThrowsAsync<UnauthorizedException>(() => tokens.RefreshAsync(pair.RefreshToken))).Code);
    }

    private static Guid Sid(TokenPair pair) => Guid.ParseExact(new JsonWebToken(pair.AccessToken).GetClaim(AppClaims.Session).Value, "N");

    [Fact]
    public async Task Revoke_AnotherUsersToken_DoesNothing()
    {
        var (db, tokens, user, _) = await SetupAsync();
        await using var _db = db;
        var pair = await tokens.IssueAsync(user.Id);

        await tokens.RevokeAsync(user.Id + 1, pair.RefreshToken);

        Assert.NotNull((await tokens.RefreshAsync(pair.RefreshToken)).AccessToken);
    }
}
