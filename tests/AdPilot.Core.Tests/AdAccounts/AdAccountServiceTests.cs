using AdPilot.Core.AdAccounts;
using AdPilot.Core.Common;
using AdPilot.Core.Data;
using AdPilot.Core.Notifications;
using AdPilot.Core.Platforms.Simulated;
using AdPilot.Core.Tests.Support;

namespace AdPilot.Core.Tests.AdAccounts;

public sealed class AdAccountServiceTests
{
    private static readonly Uri Callback = new("http://localhost:5080/api/v1/ad-accounts/callback/simulated");

    /// <summary>What the browser does: consent on the platform, then the callback with code and state.</summary>
    private static async Task<IReadOnlyList<AdAccountView>> BindAsync(AdAccountService service, SimulatedAdPlatform platform, long userId, long? reauthorize = null)
    {
        var consent = await service.ConnectAsync(userId, AdPlatformKind.Simulated, Callback, reauthorize);
        var query = System.Web.HttpUtility.ParseQueryString(consent.AuthorizeUrl.Query);
        var code = platform.IssueCode(userId, query["code_challenge"], new Uri(query["redirect_uri"]!));
        return await service.CompleteAsync(userId, AdPlatformKind.Simulated, code, query["state"], null);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Binding_AddsTheAccounts_SealsTheTokens_AndMakesTheFirstActive(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = TestClock.At2026();
        var platform = ServiceFactory.Simulated(clock);
        var service = ServiceFactory.AdAccounts(db, clock, platform);
        var user = await Seed.UserAsync(db);

        var bound = await BindAsync(service, platform, user);
        var again = await BindAsync(service, platform, user);   // binding again updates, never duplicates

        Assert.Equal(2, bound.Count);
        Assert.Equal(bound.Select(a => a.Id), again.Select(a => a.Id));
        var list = await service.ListAsync(user);
        Assert.Single(list, a => a.IsActive);
        Assert.All(list, a => Assert.Equal(("active", "ok"), (a.Status, a.TokenState)));
        await using var context = db.CreateDbContext();
        var stored = context.AdAccounts.First();
        Assert.StartsWith("sim_at.", ServiceFactory.Vault().Open(stored.AccessTokenCiphertext!, stored.TokenKeyId!, user), StringComparison.Ordinal);
        Assert.DoesNotContain("sim_at.", stored.AccessTokenCiphertext, StringComparison.Ordinal);
        var (_, access) = await service.AccessAsync(user, stored.Id);
        Assert.Equal(3, (await platform.ListCampaignsAsync(access, default)).Count);
    }

    [Fact]
    public async Task State_IsSingleUse_AndBoundToTheUserWhoStarted()
    {
        await using var db = await TestDatabase.CreateAsync();
        var clock = TestClock.At2026();
        var platform = ServiceFactory.Simulated(clock);
        var service = ServiceFactory.AdAccounts(db, clock, platform);
        var alice = await Seed.UserAsync(db, "alice@example.com");
        var mallory = await Seed.UserAsync(db, "mallory@example.com");
        var consent = await service.ConnectAsync(alice, AdPlatformKind.Simulated, Callback);
        var query = System.Web.HttpUtility.ParseQueryString(consent.AuthorizeUrl.Query);
        var code = platform.IssueCode(alice, query["code_challenge"], Callback);

        var stolen = await Assert.ThrowsAsync<ConflictException>(() => service.CompleteAsync(mallory, AdPlatformKind.Simulated, code, query["state"], null));
        Assert.Equal("invalid_state", stolen.Code);
        var replay = await Assert.ThrowsAsync<ConflictException>(() => service.CompleteAsync(alice, AdPlatformKind.Simulated, code, query["state"], null));
        Assert.Equal("invalid_state", replay.Code);   // the state was taken by the first attempt
        Assert.Empty(await service.ListAsync(alice));
        Assert.Empty(await service.ListAsync(mallory));

        var denied = await service.ConnectAsync(alice, AdPlatformKind.Simulated, Callback);
        var deniedState = System.Web.HttpUtility.ParseQueryString(denied.AuthorizeUrl.Query)["state"];
        Assert.Equal("consent_denied", (await Assert.ThrowsAsync<ConflictException>(() =>
            service.CompleteAsync(alice, AdPlatformKind.Simulated, null, deniedState, "access_denied"))).Code);
    }

    [Fact]
    public async Task AnotherUsersAccount_IsNotFound_OnEveryOperation()
    {
        await using var db = await TestDatabase.CreateAsync();
        var clock = TestClock.At2026();
        var platform = ServiceFactory.Simulated(clock);
        var service = ServiceFactory.AdAccounts(db, clock, platform);
        var owner = await Seed.UserAsync(db, "owner@example.com");
        var other = await Seed.UserAsync(db, "other@example.com");
        var id = (await BindAsync(service, platform, owner))[0].Id;

        await Assert.ThrowsAsync<NotFoundException>(() => service.GetAsync(other, id));
        await Assert.ThrowsAsync<NotFoundException>(() => service.UnbindAsync(other, id));
        await Assert.ThrowsAsync<NotFoundException>(() => service.SetActiveAsync(other, id));
        await Assert.ThrowsAsync<NotFoundException>(() => service.RefreshTokenAsync(other, id));
        await Assert.ThrowsAsync<NotFoundException>(() => service.AccessAsync(other, id));
        await Assert.ThrowsAsync<NotFoundException>(() => service.ConnectAsync(other, AdPlatformKind.Simulated, Callback, id));
        Assert.Equal(2, (await service.ListAsync(owner)).Count);
    }

    [Fact]
    public async Task Unbind_DeletesTheAccount_AndAnotherBecomesActive()
    {
        await using var db = await TestDatabase.CreateAsync();
        var clock = TestClock.At2026();
        var platform = ServiceFactory.Simulated(clock);
        var service = ServiceFactory.AdAccounts(db, clock, platform);
        var user = await Seed.UserAsync(db);
        var accounts = await BindAsync(service, platform, user);
        var active = accounts.Single(a => a.IsActive);

        await service.UnbindAsync(user, active.Id);

        var left = Assert.Single(await service.ListAsync(user));
        Assert.True(left.IsActive);
        await using var context = db.CreateDbContext();
        Assert.Equal(1, context.AdAccounts.Count());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TokenCheck_RefreshesEveryTokenExpiringWithin24Hours_BeforeItExpires(DatabaseProvider provider)
    {
        // P3 with a controlled clock: tokens live 60 days; the daily check runs every day at 02:00.
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = TestClock.At2026();
        var platform = ServiceFactory.Simulated(clock);
        var service = ServiceFactory.AdAccounts(db, clock, platform);
        var user = await Seed.UserAsync(db);
        await BindAsync(service, platform, user);
        var firstExpiry = (await service.ListAsync(user))[0].TokenExpiresAt!.Value;

        for (var day = 0; day < 130; day++)
        {
            clock.Advance(TimeSpan.FromDays(1));
            await service.RefreshExpiringAsync();
            Assert.All(await service.ListAsync(user), a => Assert.True(a.TokenExpiresAt > clock.GetUtcNow().UtcDateTime, $"expired on day {day}"));
        }

        Assert.All(await service.ListAsync(user), a => Assert.True(a.TokenExpiresAt > firstExpiry.AddDays(60)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RefreshFailure_NeedsReauth_AndNotifiesUrgentlyOncePerEpisode(DatabaseProvider provider)
    {
        // P4: a failing refresh marks the account and raises one urgent notice (in-app and e-mail), not one per retry.
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = TestClock.At2026();
        var faults = new SimulatedFaults();
        var platform = ServiceFactory.Simulated(clock, faults);
        var channels = new RecordingNotificationChannels();
        var service = ServiceFactory.AdAccounts(db, clock, platform, channels);
        var notifications = ServiceFactory.Notifications(db, clock, channels);
        var user = await Seed.UserAsync(db);
        var account = (await BindAsync(service, platform, user))[0];
        await notifications.SetPreferencesAsync(user, [new(NotificationCategories.TokenExpired, NotificationChannels.None)]);

        faults.RefreshFails = true;
        clock.Advance(TimeSpan.FromDays(59.5));
        await service.RefreshExpiringAsync();
        await service.RefreshExpiringAsync();                       // the retry of the same episode
        await Assert.ThrowsAsync<ConflictException>(() => service.AccessAsync(user, account.Id));
        clock.Advance(TimeSpan.FromDays(1));
        await service.RefreshTokenAsync(user, account.Id);           // a manual retry

        var view = await service.GetAsync(user, account.Id);
        Assert.Equal(("needs_reauth", "needs_reauth"), (view.Status, view.TokenState));
        var notices = (await notifications.ListAsync(user, new NotificationQuery { Category = NotificationCategories.TokenExpired })).Items;
        Assert.Equal(2, notices.Count);                              // one per account, not per retry
        Assert.All(notices, n => Assert.Equal(NotificationType.Urgent, n.Type));
        Assert.Equal(2, channels.QueuedEmails.Count);                // urgent: e-mail despite the preference

        // Re-authorising clears the state; a later failure is a new episode with a new notice.
        faults.RefreshFails = false;
        await BindAsync(service, platform, user, account.Id);
        Assert.Equal("active", (await service.GetAsync(user, account.Id)).Status);
        faults.RefreshFails = true;
        clock.Advance(TimeSpan.FromDays(59.5));
        await service.RefreshExpiringAsync();
        Assert.Equal(4, (await notifications.ListAsync(user, new NotificationQuery { Category = NotificationCategories.TokenExpired })).Total);
    }
}
