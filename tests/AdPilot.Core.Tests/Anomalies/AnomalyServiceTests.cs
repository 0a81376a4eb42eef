using AdPilot.Core.Anomalies;
using AdPilot.Core.Common;
using AdPilot.Core.Data;
using AdPilot.Core.Notifications;
using AdPilot.Core.Tests.Support;

namespace AdPilot.Core.Tests.Anomalies;

/// <summary>The hourly run over the simulated platform's synced numbers: episodes, one notice each, resolution, mutes, time zones.</summary>
public sealed class AnomalyServiceTests
{
    /// <summary>Thursday 26 November 2026, 17:00 UTC: noon in New York, 18:00 in Berlin.</summary>
    private static readonly DateTimeOffset Noon = new(2026, 11, 26, 17, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunAsync_SpendSpike_OneNoticePerEpisode_ResolvedWhenNormal_AndANewEpisodeLater(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await AnomalyWorld.CreateAsync(db, Noon);
        var campaign = await world.ActiveCampaignAsync(world.Usd.Id);

        var calm = await world.SyncAndRunAsync();
        Assert.Equal(0, calm.Opened); // ordinary simulated numbers
        Assert.True(calm.Judged >= 3, $"{calm.Judged} judged");

        await world.Demo.InjectAsync(world.UserId, new InjectAnomalyRequest { AdAccountId = world.Usd.Id, CampaignId = campaign, Kind = "spend_spike", Factor = 4 });
        await world.SyncAndRunAsync();
        var spike = Assert.Single(await world.EpisodesAsync(), a => a.CampaignId == campaign && a.Type == AnomalyTypes.SpendPacing);
        Assert.Equal((world.UserId, world.Usd.Id, new DateOnly(2026, 11, 26), "USD"), (spike.UserId, spike.AdAccountId, spike.Day, spike.Currency));
        Assert.NotEqual(NotificationType.General, spike.Severity); // hundreds over the curve
        Assert.True(spike.Observed > spike.ExpectedHigh && spike.ExpectedHigh > spike.Expected && spike.Expected > spike.ExpectedLow, $"{spike.Observed} vs {spike.ExpectedLow}..{spike.ExpectedHigh}");
        var notice = Assert.Single(await world.AnomalyNotificationsAsync(), n => n.Id == spike.NotificationId);
        Assert.Equal((spike.Severity, $"/reports?account={world.Usd.Id}&level=campaign&entity={campaign}"), (notice.Type, notice.Link));
        Assert.Contains(spike.EntityName, notice.Title);
        Assert.Contains("normal range", notice.Body);
        Assert.Equal((await world.EpisodesAsync()).Count, (await world.AnomalyNotificationsAsync()).Count);

        for (var hour = 0; hour < 3; hour++)
        {
            world.Clock.Advance(TimeSpan.FromHours(1));
            await world.SyncAndRunAsync();
        }

        // Still anomalous for three more hours: the same episode, no second notice (other types may have opened their own).
        var episodes = await world.EpisodesAsync();
        Assert.Single(episodes, a => a.CampaignId == campaign && a.Type == AnomalyTypes.SpendPacing);
        Assert.Equal(episodes.Count, (await world.AnomalyNotificationsAsync()).Count);
        Assert.Single(await world.AnomalyNotificationsAsync(), n => n.Link == notice.Link && n.Title == notice.Title);
        var kept = Assert.Single(await world.EpisodesAsync(), a => a.Id == spike.Id);
        Assert.Null(kept.ResolvedAt);
        Assert.Equal(world.Clock.GetUtcNow().UtcDateTime, kept.LastSeenAt);

        world.Injected.Clear();
        world.Clock.Advance(TimeSpan.FromHours(1));
        await world.SyncAndRunAsync();
        Assert.Equal(world.Clock.GetUtcNow().UtcDateTime, Assert.Single(await world.EpisodesAsync(), a => a.Id == spike.Id).ResolvedAt);

        world.Clock.Advance(TimeSpan.FromDays(1) - TimeSpan.FromHours(4)); // Friday noon in New York
        await world.Demo.InjectAsync(world.UserId, new InjectAnomalyRequest { AdAccountId = world.Usd.Id, CampaignId = campaign, Kind = "spend_spike", Factor = 4 });
        await world.SyncAndRunAsync();
        var later = Assert.Single(await world.EpisodesAsync(), a => a.CampaignId == campaign && a.Type == AnomalyTypes.SpendPacing && a.ResolvedAt == null);
        Assert.NotEqual(spike.Id, later.Id);
        Assert.Equal(new DateOnly(2026, 11, 27), later.Day);
        Assert.NotNull(later.NotificationId);
        Assert.NotEqual(spike.NotificationId, later.NotificationId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunAsync_ConversionDrop_IsFound(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await AnomalyWorld.CreateAsync(db, Noon.AddHours(10)); // 22:00 in New York: most of the day's conversions are in

        await world.Demo.InjectAsync(world.UserId, new InjectAnomalyRequest { AdAccountId = world.Usd.Id, Kind = "conversion_drop", Factor = 0.25 });
        await world.SyncAndRunAsync();

        var types = (await world.EpisodesAsync()).Where(a => a.CampaignId == null).Select(a => a.Type).ToList();
        Assert.Contains(AnomalyTypes.RoasDrop, types);
        Assert.Contains(AnomalyTypes.CpaSpike, types);
    }

    [Fact]
    public async Task RunAsync_MutedEntityAndType_OpenNothing_UnmutedAgainDoes()
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await AnomalyWorld.CreateAsync(db, Noon);
        var campaign = await world.ActiveCampaignAsync(world.Usd.Id);
        await world.Demo.InjectAsync(world.UserId, new InjectAnomalyRequest { AdAccountId = world.Usd.Id, CampaignId = campaign, Kind = "spend_spike", Factor = 4 });
        var mute = await world.Anomalies.MuteAsync(world.UserId, new MuteAnomaliesRequest { CampaignId = campaign });
        await world.Anomalies.MuteAsync(world.UserId, new MuteAnomaliesRequest { Type = AnomalyTypes.SpendPacing, Until = Noon.UtcDateTime.AddDays(7) });

        await world.SyncAndRunAsync();

        var episodes = await world.EpisodesAsync();
        Assert.DoesNotContain(episodes, a => a.CampaignId == campaign);
        Assert.DoesNotContain(episodes, a => a.Type == AnomalyTypes.SpendPacing);
        Assert.Equal(episodes.Count, (await world.AnomalyNotificationsAsync()).Count);

        await world.Anomalies.UnmuteAsync(world.UserId, mute.Id);
        world.Clock.Advance(TimeSpan.FromHours(1));
        await world.SyncAndRunAsync();
        Assert.Contains(await world.EpisodesAsync(), a => a.CampaignId == campaign && a.Type != AnomalyTypes.SpendPacing);
    }

    /// <summary>
    /// 03:00 UTC on Friday is still Thursday 22:00 in New York: the spike on New York's Thursday is today's there, judged
    /// with most of the day gone; in UTC it would be yesterday, and today would have no numbers yet.
    /// </summary>
    [Fact]
    public async Task RunAsync_UsesTheAccountsTimeZone()
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await AnomalyWorld.CreateAsync(db, new DateTimeOffset(2026, 11, 27, 3, 0, 0, TimeSpan.Zero));
        var campaign = await world.ActiveCampaignAsync(world.Usd.Id);
        await world.Demo.InjectAsync(world.UserId, new InjectAnomalyRequest { AdAccountId = world.Usd.Id, CampaignId = campaign, Kind = "spend_spike", Factor = 4 });

        await world.SyncAndRunAsync();

        var spike = Assert.Single(await world.EpisodesAsync(), a => a.CampaignId == campaign && a.Type == AnomalyTypes.SpendPacing);
        Assert.Equal(new DateOnly(2026, 11, 26), spike.Day);
        Assert.Equal(new DateOnly(2026, 11, 26), Assert.Single(world.Injected.Injected).Day);
    }

    [Fact]
    public async Task ListAndMutes_AreOwnerScoped_AndValidated()
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await AnomalyWorld.CreateAsync(db, Noon);
        var other = await Seed.UserAsync(db, "other@example.com");
        var campaign = await world.ActiveCampaignAsync(world.Usd.Id);
        await world.Demo.InjectAsync(world.UserId, new InjectAnomalyRequest { AdAccountId = world.Usd.Id, CampaignId = campaign, Kind = "spend_spike", Factor = 4 });
        await world.SyncAndRunAsync();

        var mine = await world.Anomalies.ListAsync(world.UserId, new AnomalyQuery { CampaignId = campaign });
        Assert.NotEmpty(mine.Items);
        Assert.All(mine.Items, a => Assert.Equal(campaign, a.CampaignId));
        Assert.Empty((await world.Anomalies.ListAsync(other, new AnomalyQuery())).Items);
        await Assert.ThrowsAsync<NotFoundException>(() => world.Anomalies.ListAsync(other, new AnomalyQuery { AdAccountId = world.Usd.Id }));
        await Assert.ThrowsAsync<NotFoundException>(() => world.Anomalies.MuteAsync(other, new MuteAnomaliesRequest { CampaignId = campaign }));
        var mute = await world.Anomalies.MuteAsync(world.UserId, new MuteAnomaliesRequest { AdAccountId = world.Usd.Id });
        await Assert.ThrowsAsync<NotFoundException>(() => world.Anomalies.UnmuteAsync(other, mute.Id));
        Assert.Empty(await world.Anomalies.ListMutesAsync(other));
        Assert.Single(await world.Anomalies.ListMutesAsync(world.UserId));
        await Assert.ThrowsAsync<ValidationFailedException>(() => world.Anomalies.MuteAsync(world.UserId, new MuteAnomaliesRequest()));
        await Assert.ThrowsAsync<ValidationFailedException>(() => world.Anomalies.MuteAsync(world.UserId, new MuteAnomaliesRequest { Type = "nope" }));
        await Assert.ThrowsAsync<ValidationFailedException>(() => world.Anomalies.ListAsync(world.UserId, new AnomalyQuery { Status = "closed" }));
    }
}
