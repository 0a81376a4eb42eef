using AdPilot.Core.Common;
using AdPilot.Core.Data;
using AdPilot.Core.Identity;
using AdPilot.Core.Identity.Sessions;
using AdPilot.Core.Tests.Support;
using AdPilot.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AdPilot.Core.Tests.Identity.Sessions;

public sealed class UserSessionServiceTests
{
    private static readonly SessionClient Laptop = new("Chrome on Windows", "DE");
    private static readonly SessionClient Phone = new("Safari on iOS", "203.0.113.x");

    private sealed record Setup(TestDatabase Db, FakeTimeProvider Clock, long UserId, SessionValidator Validator, UserSessionService Sessions, TokenService Tokens) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Db.DisposeAsync();

        public DateTime Now => Clock.GetUtcNow().UtcDateTime;
    }

    private static async Task<Setup> SetupAsync(string email = "s@example.com", DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var clock = TestClock.At2026();
        var user = await ServiceFactory.Users(db, clock).SignInAsync(new ExternalIdentity(AuthProviders.Dev, email, email, null, null));
        var validator = ServiceFactory.Sessions(db, clock);
        var tokens = new TokenService(db, ServiceFactory.Users(db, clock), validator, clock, Microsoft.Extensions.Options.Options.Create(TestJwt.Options()));
        return new Setup(db, clock, user.Id, validator, new UserSessionService(db, validator, clock), tokens);
    }

    private static Guid Sid(TokenPair pair) => Guid.ParseExact(new JsonWebToken(pair.AccessToken).GetClaim(AppClaims.Session).Value, "N");

    [Fact]
    public async Task Revoke_BrowserSession_IsRefusedAtOnceOnThisNodeAndOthersStay()
    {
        await using var s = await SetupAsync();
        var started = s.Now;
        var laptop = await s.Sessions.StartBrowserAsync(s.UserId, Laptop);
        var phone = await s.Sessions.StartBrowserAsync(s.UserId, Phone);
        Assert.True(await s.Validator.IsSessionValidAsync(s.UserId, laptop, started)); // snapshot cached now

        await s.Sessions.RevokeAsync(s.UserId, laptop);

        Assert.False(await s.Validator.IsSessionValidAsync(s.UserId, laptop, started));
        Assert.True(await s.Validator.IsSessionValidAsync(s.UserId, phone, started));
    }

    [Fact]
    public async Task Revoke_OnAnotherNode_IsRefusedHereOnceTheRevocationMessageArrives()
    {
        await using var s = await SetupAsync();
        var started = s.Now;
        var laptop = await s.Sessions.StartBrowserAsync(s.UserId, Laptop);
        var otherNode = ServiceFactory.Sessions(s.Db, s.Clock);
        Assert.True(await otherNode.IsSessionValidAsync(s.UserId, laptop, started));

        await s.Sessions.RevokeAsync(s.UserId, laptop);
        otherNode.Forget(s.UserId); // what the bus delivers

        Assert.False(await otherNode.IsSessionValidAsync(s.UserId, laptop, started));
    }

    [Fact]
    public async Task IsSessionValid_UnknownSession_IsRefused()
    {
        await using var s = await SetupAsync();

        Assert.False(await s.Validator.IsSessionValidAsync(s.UserId, Guid.NewGuid(), s.Now));
    }

    [Fact]
    public async Task Revoke_ApiSession_RefusesItsAccessTokenAtOnce()
    {
        await using var s = await SetupAsync();
        var pair = await s.Tokens.IssueAsync(s.UserId, Phone);
        var issuedAt = s.Now;
        Assert.True(await s.Validator.IsAccessTokenValidAsync(s.UserId, Sid(pair), issuedAt));

        await s.Sessions.RevokeAsync(s.UserId, Sid(pair));

        Assert.False(await s.Validator.IsAccessTokenValidAsync(s.UserId, Sid(pair), issuedAt));
        Assert.Equal("refresh_token_revoked", (await Assert.ThrowsAsync<UnauthorizedException>(() => s.Tokens.RefreshAsync(pair.RefreshToken))).Code);
    }

    [Fact]
    public async Task Revoke_AnotherUsersSession_IsNotFoundAndLeavesItStanding()
    {
        await using var s = await SetupAsync();
        var other = await ServiceFactory.Users(s.Db, s.Clock).SignInAsync(new ExternalIdentity(AuthProviders.Dev, "o@example.com", "o@example.com", null, null));
        var theirs = await s.Sessions.StartBrowserAsync(other.Id, Laptop);

        var error = await Assert.ThrowsAsync<NotFoundException>(() => s.Sessions.RevokeAsync(s.UserId, theirs));

        Assert.Equal("not_found", error.Code);
        Assert.True(await s.Validator.IsSessionValidAsync(other.Id, theirs, s.Now));
    }

    [Fact]
    public async Task RevokeOthers_KeepsTheCurrentSessionAndEndsBrowserAndApiOnes()
    {
        await using var s = await SetupAsync();
        var started = s.Now;
        var current = await s.Sessions.StartBrowserAsync(s.UserId, Laptop);
        var other = await s.Sessions.StartBrowserAsync(s.UserId, Phone);
        var api = await s.Tokens.IssueAsync(s.UserId, SessionClient.Unknown);

        Assert.Equal(2, await s.Sessions.RevokeOthersAsync(s.UserId, current));

        Assert.True(await s.Validator.IsSessionValidAsync(s.UserId, current, started));
        Assert.False(await s.Validator.IsSessionValidAsync(s.UserId, other, started));
        Assert.False(await s.Validator.IsAccessTokenValidAsync(s.UserId, Sid(api), started));
        Assert.Equal([current], (await s.Sessions.ListAsync(s.UserId, current)).Items.Select(i => i.Id));
    }

    [Fact]
    public async Task List_ShowsDevicePlaceAndCurrentFirst_AndHidesRevokedIdleAndDeadApiSessions()
    {
        await using var s = await SetupAsync();
        var idle = await s.Sessions.StartBrowserAsync(s.UserId, Phone);
        s.Clock.Advance(UserSessionService.BrowserLifetime + TimeSpan.FromMinutes(1));
        var current = await s.Sessions.StartBrowserAsync(s.UserId, Laptop);
        var revoked = await s.Sessions.StartBrowserAsync(s.UserId, Phone);
        await s.Sessions.RevokeAsync(s.UserId, revoked);
        s.Clock.Advance(TimeSpan.FromMinutes(5));
        var api = await s.Tokens.IssueAsync(s.UserId, Phone);
        var reused = await s.Tokens.IssueAsync(s.UserId, Phone);
        await s.Tokens.RefreshAsync(reused.RefreshToken);
        await Assert.ThrowsAsync<UnauthorizedException>(() => s.Tokens.RefreshAsync(reused.RefreshToken)); // theft detection ends the family

        var list = (await s.Sessions.ListAsync(s.UserId, current)).Items;

        Assert.Equal([current, Sid(api)], list.Select(i => i.Id));
        Assert.True(list[0].Current);
        Assert.Equal(("Chrome on Windows", "DE", SessionKind.Browser), (list[0].Device, list[0].Place, list[0].Kind));
        Assert.Equal(SessionKind.Api, list[1].Kind);
        Assert.DoesNotContain(idle, list.Select(i => i.Id));
    }

    [Fact]
    public async Task RevokeAll_EndsEveryBrowserSession()
    {
        await using var s = await SetupAsync();
        var started = s.Now;
        var laptop = await s.Sessions.StartBrowserAsync(s.UserId, Laptop);
        s.Clock.Advance(TimeSpan.FromSeconds(2));

        await s.Tokens.RevokeAllAsync(s.UserId);

        Assert.False(await s.Validator.IsSessionValidAsync(s.UserId, laptop, started));
        Assert.Empty((await s.Sessions.ListAsync(s.UserId, null)).Items);
    }

    [Fact]
    public async Task Touch_WritesAtMostOncePerMinute_OnAControlledClock()
    {
        await using var s = await SetupAsync();
        var activity = new SessionActivity(s.Db, s.Clock);
        var session = await s.Sessions.StartBrowserAsync(s.UserId, Laptop);
        var created = s.Now;

        s.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.True(await activity.TouchAsync(s.UserId, session));
        var touched = s.Now;
        s.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.False(await activity.TouchAsync(s.UserId, session));
        Assert.Equal(touched, await LastUsedAsync(s, session));
        s.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await activity.TouchAsync(s.UserId, session));

        Assert.Equal(s.Now, await LastUsedAsync(s, session));
        Assert.NotEqual(created, touched);
    }

    [Fact]
    public async Task Touch_SecondNodeWithinTheMinute_DoesNotWrite()
    {
        await using var s = await SetupAsync();
        var session = await s.Sessions.StartBrowserAsync(s.UserId, Laptop);
        s.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await new SessionActivity(s.Db, s.Clock).TouchAsync(s.UserId, session));
        s.Clock.Advance(TimeSpan.FromSeconds(10));

        Assert.False(await new SessionActivity(s.Db, s.Clock).TouchAsync(s.UserId, session));
    }

    private static async Task<DateTime> LastUsedAsync(Setup s, Guid id)
    {
        await using var db = s.Db.CreateDbContext();
        return await db.UserSessions.Where(x => x.Id == id).Select(x => x.LastUsedAt).SingleAsync();
    }
}
