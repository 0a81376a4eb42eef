using System.Text.Json.Nodes;
using AdPilot.Core.Actions;
using AdPilot.Core.Campaigns;
using AdPilot.Core.Common;
using AdPilot.Core.Data;
using AdPilot.Core.Platforms;
using AdPilot.Core.Tests.Support;

namespace AdPilot.Core.Tests.Actions;

/// <summary>Undo restores the state before a change through the campaign service (so the platform follows), or refuses and changes nothing.</summary>
public sealed class ActionUndoTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UndoAsync_PauseAndResumeOfCampaignAdSetAndAd_RestoresThemOnThePlatform_AndRecordsTheUndo(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await UndoWorld.CreateAsync(db);
        var resumed = await w.SetStatusAsync(CampaignLevel.Campaign, w.CampaignId, DeliveryStatus.Active);
        var pausedSet = await w.SetStatusAsync(CampaignLevel.AdSet, w.AdSetId, DeliveryStatus.Paused);
        var pausedAd = await w.SetStatusAsync(CampaignLevel.Ad, w.AdId, DeliveryStatus.Paused);
        w.Clock.Advance(TimeSpan.FromMinutes(5));

        var undoneAd = await w.Undo.UndoAsync(w.UserId, pausedAd.Id, Actor.Web);
        await w.Undo.UndoAsync(w.UserId, pausedSet.Id, UndoWorld.Mcp);
        await w.Undo.UndoAsync(w.UserId, resumed.Id, UndoWorld.Mcp);

        Assert.Equal(PlatformStatus.Paused, (await w.RemoteCampaignAsync()).Status);
        Assert.Equal(PlatformStatus.Active, (await w.RemoteAdSetAsync()).Status);
        Assert.Equal(PlatformStatus.Active, (await w.RemoteAdAsync()).Status);
        var detail = await w.Campaigns.GetAsync(w.UserId, w.CampaignId);
        Assert.Equal(("paused", "active", "active", "synced"), (detail.Campaign.Status, detail.AdSets[0].Status, detail.AdSets[0].Ads[0].Status, detail.Campaign.SyncStatus));

        Assert.Equal((ActionUndo.ActionName, ActionSources.Web, pausedAd.Id, "ad"), (undoneAd.Action, undoneAd.Source, undoneAd.RevertsId, undoneAd.EntityType));
        Assert.Equal("Undid: " + pausedAd.Summary, undoneAd.Summary);
        Assert.Equal(("paused", "active"), (undoneAd.Before!["status"]!.GetValue<string>(), undoneAd.After!["status"]!.GetValue<string>()));
        Assert.False(undoneAd.CanUndo);
        var original = await w.Log.GetAsync(w.UserId, pausedAd.Id);
        Assert.Equal(w.Clock.GetUtcNow().UtcDateTime, original.UndoneAt);
        Assert.False(original.CanUndo);
        Assert.True(pausedAd.CanUndo);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UndoAsync_UpdateCampaign_RestoresNameBudgetStatusDateAndTargeting(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await UndoWorld.CreateAsync(db);
        var request = new UpdateCampaignRequest { Name = "Cyber Monday", Budget = 140m, EndDate = new DateOnly(2027, 1, 31) };
        var targeting = new TargetingInput { Locations = ["FR"], AgeMin = 21 };
        var change = await w.Changes.UpdateAsync(w.UserId, w.CampaignId, request, DeliveryStatus.Active, targeting);
        var entry = await w.ApplyAsync("update_campaign", change, async () =>
        {
            await w.Campaigns.UpdateAsync(w.UserId, w.CampaignId, request);
            await w.Campaigns.SetStatusAsync(w.UserId, CampaignLevel.Campaign, w.CampaignId, DeliveryStatus.Active);
            return await w.Campaigns.UpdateAdSetAsync(w.UserId, w.CampaignId, w.AdSetId, new UpdateAdSetRequest { Targeting = targeting });
        });

        var plan = await w.Undo.PlanAsync(w.UserId, entry.Id);
        await w.Undo.UndoAsync(w.UserId, entry.Id, UndoWorld.Mcp);

        Assert.Equal(140m, plan.Current["budget"]!.GetValue<decimal>());
        Assert.Equal(100m, plan.Restore["budget"]!.GetValue<decimal>());
        var detail = await w.Campaigns.GetAsync(w.UserId, w.CampaignId);
        Assert.Equal(("Black Friday", 100m, "paused", new DateOnly(2026, 12, 20)), (detail.Campaign.Name, detail.Campaign.Budget, detail.Campaign.Status, detail.Campaign.EndDate));
        Assert.Equal(["US"], detail.AdSets[0].Targeting.Locations);
        Assert.Equal(18, detail.AdSets[0].Targeting.AgeMin);
        var remote = await w.RemoteCampaignAsync();
        Assert.Equal(("Black Friday", 100m, PlatformStatus.Paused, new DateOnly(2026, 12, 20)), (remote.Name, remote.Budget, remote.Status, remote.EndDate));
    }

    [Fact]
    public async Task UndoAsync_UpdateAdSet_RestoresNameAndBudget()
    {
        await using var db = await TestDatabase.CreateAsync();
        var w = await UndoWorld.CreateAsync(db);
        var request = new UpdateAdSetRequest { Name = "Broad 2", Budget = 26m };
        var entry = await w.ApplyAsync("update_ad_set", await w.Changes.UpdateAdSetAsync(w.UserId, w.AdSetId, request),
            () => w.Campaigns.UpdateAdSetAsync(w.UserId, w.CampaignId, w.AdSetId, request));

        await w.Undo.UndoAsync(w.UserId, entry.Id, UndoWorld.Mcp);

        var remote = await w.RemoteAdSetAsync();
        Assert.Equal(("Broad", 20m), (remote.Name, remote.Budget));
        Assert.Equal("Broad", (await w.Campaigns.GetAsync(w.UserId, w.CampaignId)).AdSets[0].Name);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UndoAsync_AfterAnOutsideChange_IsEntityChanged_NamingTheFields_AndChangesNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await UndoWorld.CreateAsync(db);
        var request = new UpdateCampaignRequest { Name = "Cyber Monday", Budget = 140m };
        var entry = await w.ApplyAsync("update_campaign", await w.Changes.UpdateAsync(w.UserId, w.CampaignId, request, null, null),
            () => w.Campaigns.UpdateAsync(w.UserId, w.CampaignId, request));
        await w.Campaigns.UpdateAsync(w.UserId, w.CampaignId, new UpdateCampaignRequest { Budget = 90m }); // someone else, in the web app

        var error = await Assert.ThrowsAsync<ConflictException>(() => w.Undo.UndoAsync(w.UserId, entry.Id, UndoWorld.Mcp));

        Assert.Equal("entity_changed", error.Code);
        Assert.Contains("budget is now 90 (this action set 140)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("name", error.Message, StringComparison.Ordinal);
        Assert.Equal(("Cyber Monday", 90m), ((await w.RemoteCampaignAsync()).Name, (await w.RemoteCampaignAsync()).Budget));
        Assert.Null((await w.Log.GetAsync(w.UserId, entry.Id)).UndoneAt);
        Assert.Equal(1, (await w.Log.ListAsync(w.UserId, new ActionLogQuery())).Total);
    }

    [Fact]
    public async Task UndoAsync_OfADeletedEntity_IsEntityChanged()
    {
        await using var db = await TestDatabase.CreateAsync();
        var w = await UndoWorld.CreateAsync(db);
        var entry = await w.SetStatusAsync(CampaignLevel.Campaign, w.CampaignId, DeliveryStatus.Active);
        await w.Campaigns.DeleteAsync(w.UserId, w.CampaignId);

        var error = await Assert.ThrowsAsync<ConflictException>(() => w.Undo.UndoAsync(w.UserId, entry.Id, UndoWorld.Mcp));

        Assert.Equal("entity_changed", error.Code);
        Assert.Contains("no longer exists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UndoAsync_Twice_IsAlreadyUndone_AndAnUndoCannotBeUndone()
    {
        await using var db = await TestDatabase.CreateAsync();
        var w = await UndoWorld.CreateAsync(db);
        var entry = await w.SetStatusAsync(CampaignLevel.Campaign, w.CampaignId, DeliveryStatus.Active);
        var undo = await w.Undo.UndoAsync(w.UserId, entry.Id, UndoWorld.Mcp);

        var again = await Assert.ThrowsAsync<ConflictException>(() => w.Undo.UndoAsync(w.UserId, entry.Id, UndoWorld.Mcp));
        var ofUndo = await Assert.ThrowsAsync<ConflictException>(() => w.Undo.PlanAsync(w.UserId, undo.Id));

        Assert.Equal("already_undone", again.Code);
        Assert.Equal("not_undoable", ofUndo.Code);
        Assert.Contains("itself an undo", ofUndo.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await w.Log.ListAsync(w.UserId, new ActionLogQuery())).Total);
    }

    [Fact]
    public async Task UndoAsync_CreationsDeletionsAndClearedValues_AreNotUndoable_WithWhy()
    {
        await using var db = await TestDatabase.CreateAsync();
        var w = await UndoWorld.CreateAsync(db);
        var created = await Record(w, "create_campaign", null, new JsonObject { ["name"] = "New" });
        var deleted = await Record(w, "delete_campaign", new JsonObject { ["name"] = "Old" }, null);
        var endDate = await Record(w, "update_campaign", new JsonObject { ["end_date"] = null }, new JsonObject { ["end_date"] = "2027-01-01" });
        var other = await Record(w, "duplicate_campaign", new JsonObject { ["name"] = "x" }, new JsonObject { ["name"] = "y" });

        var reasons = new List<string>();
        foreach (var entry in new[] { created, deleted, endDate, other })
        {
            var error = await Assert.ThrowsAsync<ConflictException>(() => w.Undo.UndoAsync(w.UserId, entry.Id, UndoWorld.Mcp));
            Assert.Equal("not_undoable", error.Code);
            Assert.False(entry.CanUndo);
            reasons.Add(error.Message);
        }

        Assert.Contains("would delete", reasons[0], StringComparison.Ordinal);
        Assert.Contains("cannot be brought back", reasons[1], StringComparison.Ordinal);
        Assert.Contains("had no end date before", reasons[2], StringComparison.Ordinal);
        Assert.Contains("duplicate_campaign", reasons[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UndoAsync_AnotherUsersEntry_IsNotFound()
    {
        await using var db = await TestDatabase.CreateAsync();
        var w = await UndoWorld.CreateAsync(db);
        var entry = await w.SetStatusAsync(CampaignLevel.Campaign, w.CampaignId, DeliveryStatus.Active);
        var stranger = await Seed.UserAsync(db, "stranger@example.com");

        await Assert.ThrowsAsync<NotFoundException>(() => w.Undo.UndoAsync(stranger, entry.Id, UndoWorld.Mcp));

        Assert.Null((await w.Log.GetAsync(w.UserId, entry.Id)).UndoneAt);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UndoAsync_ManyAtOnce_AppliesOnce(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await UndoWorld.CreateAsync(db);
        var entry = await w.SetStatusAsync(CampaignLevel.Campaign, w.CampaignId, DeliveryStatus.Active);
        using var start = new ManualResetEventSlim();

        var attempts = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            try
            {
                await w.Undo.UndoAsync(w.UserId, entry.Id, UndoWorld.Mcp);
                return "applied";
            }
            catch (ConflictException ex)
            {
                return ex.Code;
            }
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes, o => o == "applied");
        Assert.All(outcomes.Where(o => o != "applied"), o => Assert.Equal("already_undone", o));
        var log = (await w.Log.ListAsync(w.UserId, new ActionLogQuery())).Items;
        Assert.Single(log, a => a.RevertsId == entry.Id);
        Assert.Equal(PlatformStatus.Paused, (await w.RemoteCampaignAsync()).Status);
    }

    [Fact]
    public async Task UndoAsync_PlatformRefusal_IsPlatformError_LeavesTheLogUnchanged_AndCanBeUndoneAgain()
    {
        await using var db = await TestDatabase.CreateAsync();
        var w = await UndoWorld.CreateAsync(db);
        var entry = await w.SetStatusAsync(CampaignLevel.Campaign, w.CampaignId, DeliveryStatus.Active);

        w.Faults.FailNext(PlatformErrorKind.Validation, "Campaign is under review.");
        var error = await Assert.ThrowsAsync<ConflictException>(() => w.Undo.UndoAsync(w.UserId, entry.Id, UndoWorld.Mcp));

        Assert.Equal("platform_error", error.Code);
        Assert.Contains("Campaign is under review.", error.Message, StringComparison.Ordinal);
        Assert.Null((await w.Log.GetAsync(w.UserId, entry.Id)).UndoneAt);
        Assert.Equal(1, (await w.Log.ListAsync(w.UserId, new ActionLogQuery())).Total);
        Assert.Equal(PlatformStatus.Active, (await w.RemoteCampaignAsync()).Status);

        await w.Undo.UndoAsync(w.UserId, entry.Id, UndoWorld.Mcp); // the restored value waits locally as sync_failed; undoing again pushes it
        Assert.Equal(PlatformStatus.Paused, (await w.RemoteCampaignAsync()).Status);
        Assert.NotNull((await w.Log.GetAsync(w.UserId, entry.Id)).UndoneAt);
    }

    [Fact]
    public async Task PlanAsync_RestoringABudgetCutOfMoreThanAThird_NeedsConfirmation()
    {
        await using var db = await TestDatabase.CreateAsync();
        var w = await UndoWorld.CreateAsync(db);
        var request = new UpdateCampaignRequest { Budget = 40m };
        var entry = await w.ApplyAsync("update_campaign", await w.Changes.UpdateAsync(w.UserId, w.CampaignId, request, null, null),
            () => w.Campaigns.UpdateAsync(w.UserId, w.CampaignId, request));

        var plan = await w.Undo.PlanAsync(w.UserId, entry.Id);

        Assert.Contains("from 40 to 100", plan.ConfirmBecause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UndoAsync_AccountNeedingReauthorisation_IsRefusedBeforeAnythingChanges()
    {
        await using var db = await TestDatabase.CreateAsync();
        var w = await UndoWorld.CreateAsync(db);
        var entry = await w.SetStatusAsync(CampaignLevel.Campaign, w.CampaignId, DeliveryStatus.Active);
        await w.Accounts.MarkNeedsReauthAsync(w.AccountId, "revoked");

        var error = await Assert.ThrowsAsync<ConflictException>(() => w.Undo.UndoAsync(w.UserId, entry.Id, UndoWorld.Mcp));

        Assert.Equal("reauth_required", error.Code);
        Assert.Equal("active", (await w.Campaigns.GetAsync(w.UserId, w.CampaignId)).Campaign.Status);
        Assert.Null((await w.Log.GetAsync(w.UserId, entry.Id)).UndoneAt);
    }

    private static Task<ActionLogView> Record(UndoWorld w, string action, JsonObject? before, JsonObject? after) =>
        w.Log.RecordAsync(w.UserId, UndoWorld.Mcp, new ActionRecord(action, "campaign", w.CampaignId, "Black Friday", action, before, after));
}
