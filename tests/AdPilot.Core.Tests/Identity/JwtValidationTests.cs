using AdPilot.Core.Identity;
using AdPilot.Core.Tests.Support;
using AdPilot.Core.Users;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AdPilot.Core.Tests.Identity;

public sealed class JwtValidationTests
{
    private static readonly UserProfile User = new(7, "u@example.com", null, null, "en", "UTC", Roles.User, DateTime.UnixEpoch);

    [Theory]
    [InlineData(0, true)]
    [InlineData(14, true)]
    [InlineData(16, false)]
    [InlineData(60 * 24, false)]
    public async Task AccessToken_IsValidFor15MinutesOnTheInjectedClock(int minutesLater, bool valid)
    {
        await using var db = await TestDatabase.CreateAsync();
        var clock = TestClock.At2026();
        var options = TestJwt.Options();
        var token = ServiceFactory.Tokens(db, clock, options).CreateAccessToken(User, Guid.NewGuid());
        clock.Advance(TimeSpan.FromMinutes(minutesLater));

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, options.CreateValidationParameters(clock));

        Assert.Equal(valid, result.IsValid);
        if (valid)
        {
            Assert.Equal("7", result.ClaimsIdentity.FindFirst(AppClaims.UserId)?.Value);
        }
    }

    [Fact]
    public async Task AccessToken_FromTheFuture_IsRejected()
    {
        await using var db = await TestDatabase.CreateAsync();
        var clock = TestClock.At2026();
        var options = TestJwt.Options();
        var token = ServiceFactory.Tokens(db, clock, options).CreateAccessToken(User, Guid.NewGuid());

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, options.CreateValidationParameters(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(clock.GetUtcNow().AddHours(-1))));

        Assert.False(result.IsValid);
    }
}
