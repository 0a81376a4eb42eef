using AdPilot.Core.Billing;
using AdPilot.Core.Credits;
using AdPilot.Core.Identity;
using AdPilot.Core.Users;
using Microsoft.Extensions.Options;

namespace AdPilot.Core.Tests.Support;

/// <summary>Builds the services under test the way the host wires them, over a test database and clock.</summary>
public static class ServiceFactory
{
    public static UserService Users(TestDatabase db, TimeProvider clock, params string[] adminEmails) =>
        new(db, clock, Options.Create(new AdminOptions { Emails = [.. adminEmails] }));

    public static CreditConfigService Configs(TestDatabase db, TimeProvider clock) => new(db, clock);

    public static CreditService Credits(TestDatabase db, TimeProvider clock, CreditConfigService? configs = null) =>
        new(db, configs ?? Configs(db, clock), clock);

    /// <summary>A user service whose sign-ins grant the signup gift, as in the host.</summary>
    public static UserService UsersWithGift(TestDatabase db, TimeProvider clock)
    {
        var configs = Configs(db, clock);
        return new(db, clock, Options.Create(new AdminOptions()), [new SignupGift(db, configs, Credits(db, clock, configs))]);
    }

    public static BillingService Billing(TestDatabase db, TimeProvider clock, IPaymentGateway? gateway = null) =>
        new(db, Configs(db, clock), Users(db, clock), gateway ?? new SimulatedCheckoutGateway(), clock,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<BillingService>.Instance);

    public static AdPilot.Core.Notifications.NotificationService Notifications(
        TestDatabase db, TimeProvider clock, RecordingNotificationChannels? channels = null)
    {
        channels ??= new RecordingNotificationChannels();
        return new(db, clock, channels, channels, Microsoft.Extensions.Logging.Abstractions.NullLogger<AdPilot.Core.Notifications.NotificationService>.Instance);
    }

    public static AdPilot.Core.AdAccounts.TokenVault Vault(string keyId = "k1", string? key = null) =>
        new(Options.Create(new AdPilot.Core.AdAccounts.TokenVaultOptions
        {
            ActiveKeyId = keyId,
            Keys = { [keyId] = key ?? Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 3 + 7)).ToArray()) },
        }));

    public static AdPilot.Core.Platforms.Simulated.SimulatedAdPlatform Simulated(TimeProvider clock, AdPilot.Core.Platforms.Simulated.SimulatedFaults? faults = null) =>
        new(Options.Create(new AdPilot.Core.Platforms.Simulated.SimulatedPlatformOptions()), clock, faults ?? new());

    /// <summary>The ad account service over the simulated platform, as the host wires it (in-memory state store).</summary>
    public static AdPilot.Core.AdAccounts.AdAccountService AdAccounts(
        TestDatabase db, TimeProvider clock, AdPilot.Core.Platforms.IAdPlatform platform, RecordingNotificationChannels? channels = null) =>
        new(db, new AdPilot.Core.AdAccounts.AdPlatforms([platform]), Vault(),
            new AdPilot.Core.AdAccounts.OAuthStateStore(new Microsoft.Extensions.Caching.Distributed.MemoryDistributedCache(
                Options.Create(new Microsoft.Extensions.Caching.Memory.MemoryDistributedCacheOptions()))),
            Notifications(db, clock, channels), clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<AdPilot.Core.AdAccounts.AdAccountService>.Instance);

    public static AdPilot.Core.Campaigns.CampaignService Campaigns(
        TestDatabase db, TimeProvider clock, AdPilot.Core.AdAccounts.AdAccountService accounts, RecordingNotificationChannels? channels = null) =>
        new(db, accounts, Notifications(db, clock, channels), clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<AdPilot.Core.Campaigns.CampaignService>.Instance);
    public static AdPilot.Core.Creatives.CreativeService Creatives(
        TestDatabase db, TimeProvider clock, AdPilot.Core.Storage.IObjectStorage storage, AdPilot.Core.Creatives.CreativeOptions? options = null) =>
        new(db, storage, new AdPilot.Core.Storage.NoCdnInvalidator(), new AdPilot.Core.Creatives.DefaultCreativeScorer(),
            new AdPilot.Core.Creatives.CreativeMedia(Options.Create(options ?? new AdPilot.Core.Creatives.CreativeOptions())),
            Options.Create(options ?? new AdPilot.Core.Creatives.CreativeOptions()), clock,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<AdPilot.Core.Creatives.CreativeService>.Instance);

    public static TokenService Tokens(TestDatabase db, TimeProvider clock, JwtOptions? jwt = null) =>
        new(db, Users(db, clock), Sessions(db, clock), clock, Options.Create(jwt ?? TestJwt.Options()));

    public static SessionValidator Sessions(TestDatabase db, TimeProvider clock) =>
        new(db, new Microsoft.Extensions.Caching.Memory.MemoryCache(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions()), clock, new LocalSessionRevocationBus());
}

public static class TestJwt
{
    public static JwtOptions Options() => new() { SigningKey = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 7 + 1)).ToArray()) };
}
