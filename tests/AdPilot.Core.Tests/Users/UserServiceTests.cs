using AdPilot.Core.Common;
using AdPilot.Core.Data;
using AdPilot.Core.Tests.Support;
using AdPilot.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Tests.Users;

public sealed class UserServiceTests
{
    private static ExternalIdentity Google(string sub, string email, string? name = null) => new(AuthProviders.Google, sub, email, name, null);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SignIn_FirstTime_CreatesUserWithDefaults(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var users = ServiceFactory.Users(db, TestClock.At2026());

        var user = await users.SignInAsync(Google("g-1", "ada@example.com", "Ada"));

        Assert.True(user.Id > 0);
        Assert.Equal("ada@example.com", user.Email);
        Assert.Equal("Ada", user.Name);
        Assert.Equal("en", user.Language);
        Assert.Equal("UTC", user.TimeZone);
        Assert.Equal(Roles.User, user.Role);
        Assert.Equal(new DateTime(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc), user.CreatedAt);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SignIn_SameSubjectAgain_ReturnsSameUserAndKeepsEmailCurrent(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var users = ServiceFactory.Users(db, TestClock.At2026());
        var first = await users.SignInAsync(Google("g-1", "old@example.com", "Ada"));

        var second = await users.SignInAsync(Google("g-1", "new@example.com", "Someone else"));

        Assert.Equal(first.Id, second.Id);
        Assert.Equal("new@example.com", second.Email);
        Assert.Equal("Ada", second.Name); // the user's own name is not overwritten by Google's on later sign-ins
        await using var context = db.CreateDbContext();
        Assert.Equal(1, await context.Users.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SignIn_ConcurrentFirstSignIns_CreateExactlyOneUser(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var users = ServiceFactory.Users(db, TestClock.At2026());

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => users.SignInAsync(Google("race", "race@example.com")))));

        Assert.Single(results.Select(r => r.Id).Distinct());
        await using var context = db.CreateDbContext();
        Assert.Equal(1, await context.Users.CountAsync());
    }

    [Fact]
    public async Task SignIn_SameSubjectFromAnotherProvider_IsAnotherUser()
    {
        await using var db = await TestDatabase.CreateAsync();
        var users = ServiceFactory.Users(db, TestClock.At2026());

        var google = await users.SignInAsync(Google("same", "a@example.com"));
        var dev = await users.SignInAsync(new ExternalIdentity(AuthProviders.Dev, "same", "a@example.com", null, null));

        Assert.NotEqual(google.Id, dev.Id);
    }

    [Fact]
    public async Task SignIn_AdminEmail_GetsAdminRole()
    {
        await using var db = await TestDatabase.CreateAsync();
        var users = ServiceFactory.Users(db, TestClock.At2026(), "Boss@Example.com");

        var admin = await users.SignInAsync(Google("b", "boss@example.com"));

        Assert.Equal(Roles.Admin, admin.Role);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpdateProfile_ValidFields_ChangesOnlyThoseFields(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = TestClock.At2026();
        var users = ServiceFactory.Users(db, clock);
        var user = await users.SignInAsync(Google("g", "g@example.com", "Grace"));
        clock.Advance(TimeSpan.FromHours(1));

        var updated = await users.UpdateProfileAsync(user.Id, new UpdateProfileRequest { Language = "zh-CN", TimeZone = "Asia/Shanghai" });

        Assert.Equal("Grace", updated.Name);
        Assert.Equal("zh-CN", updated.Language);
        Assert.Equal("Asia/Shanghai", updated.TimeZone);
        Assert.Equal(updated, await users.GetAsync(user.Id));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons", "timeZone")]
    [InlineData("Pacific Standard Time", "timeZone")]
    [InlineData("fr", "language")]
    [InlineData("javascript:alert(1)", "avatarUrl")]
    public async Task UpdateProfile_InvalidField_ThrowsWithFieldErrorAndChangesNothing(string value, string field)
    {
        await using var db = await TestDatabase.CreateAsync();
        var users = ServiceFactory.Users(db, TestClock.At2026());
        var user = await users.SignInAsync(Google("g", "g@example.com", "Grace"));
        var request = field switch
        {
            "timeZone" => new UpdateProfileRequest { TimeZone = value, Name = "Changed" },
            "language" => new UpdateProfileRequest { Language = value, Name = "Changed" },
            _ => new UpdateProfileRequest { AvatarUrl = value, Name = "Changed" },
        };

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => users.UpdateProfileAsync(user.Id, request));

        Assert.Equal("validation_failed", error.Code);
        Assert.True(error.Errors.ContainsKey(field), $"expected an error for {field}, got {string.Join(",", error.Errors.Keys)}");
        Assert.Equal(user, await users.GetAsync(user.Id));
    }

    [Fact]
    public async Task Get_UnknownUser_ThrowsNotFound()
    {
        await using var db = await TestDatabase.CreateAsync();
        var users = ServiceFactory.Users(db, TestClock.At2026());

        await Assert.ThrowsAsync<NotFoundException>(() => users.GetAsync(424242));
    }
}
