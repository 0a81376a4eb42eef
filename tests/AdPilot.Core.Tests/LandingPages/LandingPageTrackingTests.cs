using AdPilot.Core.Common;
using AdPilot.Core.Data;
using AdPilot.Core.LandingPages;
using AdPilot.Core.Notifications;
using AdPilot.Core.Tests.Support;

namespace AdPilot.Core.Tests.LandingPages;

public sealed class LandingPageTrackingTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Fact]
    public async Task Record_ViewsAndClicks_CountPerPageAndUtcDay()
    {
        await using var world = await TrackingWorld.CreateAsync();
        var (_, pageId) = await world.PageAsync("spring-sale", TrackingWorld.Document());
        var tracking = world.Tracking;

        Assert.True(await tracking.RecordAsync("spring-sale", PageEventType.View, null, TrackingWorld.Person));
        Assert.True(await tracking.RecordAsync("spring-sale", PageEventType.View, null, TrackingWorld.Person));
        Assert.True(await tracking.RecordAsync("spring-sale", PageEventType.Click, "cta", TrackingWorld.Person));
        world.Clock.Advance(TimeSpan.FromHours(15)); // 00:00 UTC of the next day
        Assert.True(await tracking.RecordAsync("spring-sale", PageEventType.View, null, TrackingWorld.Person));

        var first = await world.StatAsync(pageId, Today);
        var second = await world.StatAsync(pageId, Today.AddDays(1));
        Assert.Equal((2, 1, 0), (first!.Views, first.Clicks, first.Leads));
        Assert.Equal((1, 0, 0), (second!.Views, second.Clicks, second.Leads));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Record_FiftyConcurrentViews_CountsExactlyFifty(DatabaseProvider provider)
    {
        await using var world = await TrackingWorld.CreateAsync(provider);
        var (_, pageId) = await world.PageAsync("busy-page", TrackingWorld.Document());
        var tracking = world.Tracking;

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() =>
            tracking.RecordAsync("busy-page", i % 5 == 0 ? PageEventType.Click : PageEventType.View, "cta", TrackingWorld.Person))));

        Assert.All(results, Assert.True);
        var stat = await world.StatAsync(pageId, Today);
        Assert.Equal((40, 10), (stat!.Views, stat.Clicks));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)")]
    [InlineData("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36")]
    [InlineData("curl/8.5.0")]
    [InlineData("Wget/1.21")]
    [InlineData("python-requests/2.31.0")]
    [InlineData("Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)")]
    [InlineData("Mozilla/5.0 (compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)")]
    [InlineData("Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)")]
    [InlineData("WhatsApp/2.23.20.0")]
    public async Task Record_BotOrNoUserAgent_IsNotCounted(string? userAgent)
    {
        await using var world = await TrackingWorld.CreateAsync();
        var (_, pageId) = await world.PageAsync("spring-sale", TrackingWorld.Document());

        Assert.False(await world.Tracking.RecordAsync("spring-sale", PageEventType.View, null, new Visitor(userAgent, "203.0.113.7")));
        Assert.Null(await world.StatAsync(pageId, Today));
    }

    [Theory]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0")]
    [InlineData(TrackingWorld.Browser)]
    public void IsBot_BrowsersPeopleUse_AreNotBots(string userAgent) => Assert.False(PageBots.IsBot(userAgent));

    [Fact]
    public async Task Record_DraftUnknownOrMalformedSlug_IsNotCounted()
    {
        await using var world = await TrackingWorld.CreateAsync();
        var (_, draftId) = await world.PageAsync("draft-page", live: null, draft: TrackingWorld.Document());
        var tracking = world.Tracking;

        Assert.False(await tracking.RecordAsync("draft-page", PageEventType.View, null, TrackingWorld.Person));
        Assert.False(await tracking.RecordAsync("no-such-page", PageEventType.View, null, TrackingWorld.Person));
        Assert.False(await tracking.RecordAsync("../Bad Slug", PageEventType.View, null, TrackingWorld.Person));
        Assert.Null(await world.StatAsync(draftId, Today));
    }

    [Fact]
    public async Task Record_Click_CountsOnlyCallsToActionOfTheLiveVersion()
    {
        await using var world = await TrackingWorld.CreateAsync();
        var live = TrackingWorld.Document();
        var draft = live with { Blocks = [.. live.Blocks, new PageBlock { Id = "new-button", Type = BlockType.Button, ButtonLabel = "New", ButtonUrl = "#x" }] };
        var (_, pageId) = await world.PageAsync("spring-sale", live, draft);
        var tracking = world.Tracking;

        Assert.True(await tracking.RecordAsync("spring-sale", PageEventType.Click, "hero", TrackingWorld.Person));
        Assert.True(await tracking.RecordAsync("spring-sale", PageEventType.Click, "cta", TrackingWorld.Person));
        Assert.False(await tracking.RecordAsync("spring-sale", PageEventType.Click, "heading", TrackingWorld.Person));
        Assert.False(await tracking.RecordAsync("spring-sale", PageEventType.Click, "new-button", TrackingWorld.Person));
        Assert.False(await tracking.RecordAsync("spring-sale", PageEventType.Click, "nope", TrackingWorld.Person));
        Assert.False(await tracking.RecordAsync("spring-sale", PageEventType.Click, null, TrackingWorld.Person));

        Assert.Equal(2, (await world.StatAsync(pageId, Today))!.Clicks);
    }

    [Fact]
    public async Task SubmitLead_KeepsOnlyTheLiveFormsFields_TrimmedAndCapped_AndCountsIt()
    {
        await using var world = await TrackingWorld.CreateAsync();
        var (userId, pageId) = await world.PageAsync("spring-sale", TrackingWorld.Document());
        var form = new Dictionary<string, string>
        {
            ["name"] = "  Ada\u0000 Lovelace \r\n",
            ["email"] = " ada@example.com ",
            ["message"] = "line one\nline two" + new string('x', 3_000),
            ["is_admin"] = "true",
            [LandingPageRoutes.HoneypotField] = "",
        };

        var lead = await world.Tracking.SubmitLeadAsync("spring-sale", form, TrackingWorld.Person);

        Assert.NotNull(lead);
        Assert.Equal("ada@example.com", lead.Email);
        Assert.Equal(["email", "message", "name"], lead.Fields.Keys.Order());
        Assert.Equal("Ada Lovelace", lead.Fields["name"]);
        Assert.StartsWith("line one\nline two", lead.Fields["message"], StringComparison.Ordinal);
        Assert.Equal(LeadForms.MaxValueLength, lead.Fields["message"].Length);
        var stored = Assert.Single((await world.Tracking.ListLeadsAsync(userId, pageId, 1, 20)).Items);
        Assert.Equal(lead.Fields, stored.Fields);
        Assert.Equal(1, (await world.StatAsync(pageId, Today))!.Leads);
    }

    [Fact]
    public async Task SubmitLead_InvalidFields_NamesEachField_AndStoresNothing()
    {
        await using var world = await TrackingWorld.CreateAsync();
        var (userId, pageId) = await world.PageAsync("spring-sale", TrackingWorld.Document());
        var form = new Dictionary<string, string> { ["name"] = "   ", ["email"] = "not-an-address", ["phone"] = "call me" };

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => world.Tracking.SubmitLeadAsync("spring-sale", form, TrackingWorld.Person));

        Assert.Equal(["email", "name", "phone"], error.Errors.Keys.Order());
        Assert.Equal(0, (await world.Tracking.ListLeadsAsync(userId, pageId, 1, 20)).Total);
        Assert.Null(await world.StatAsync(pageId, Today));
    }

    [Theory]
    [InlineData("+1 (555) 123-4567", true)]
    [InlineData("(555) 123-4567", true)]
    [InlineData("+86 138 0013 8000", true)]
    [InlineData("12345", false)]
    [InlineData("555-CALL-NOW", false)]
    [InlineData("+1 555 123 4567 8901 2345", false)]
    public void IsPhone_PlausibleNumbers(string value, bool expected) => Assert.Equal(expected, LeadForms.IsPhone(value));

    [Theory]
    [InlineData("ada@example.com", true)]
    [InlineData("ada.lovelace+ads@mail.example.co.uk", true)]
    [InlineData("用户@例子.中国", true)]
    [InlineData("ada@localhost", false)]
    [InlineData("ada@@example.com", false)]
    [InlineData("ada example@example.com", false)]
    [InlineData("<script>@example.com", false)]
    public void IsEmail_Addresses(string value, bool expected) => Assert.Equal(expected, LeadForms.IsEmail(value));

    [Fact]
    public async Task SubmitLead_FilledHoneypot_ReturnsNull_AndStoresNothing()
    {
        await using var world = await TrackingWorld.CreateAsync();
        var (userId, pageId) = await world.PageAsync("spring-sale", TrackingWorld.Document());
        var form = new Dictionary<string, string> { ["name"] = "Spam", ["email"] = "spam@example.com", [LandingPageRoutes.HoneypotField] = "https://spam.example" };

        Assert.Null(await world.Tracking.SubmitLeadAsync("spring-sale", form, TrackingWorld.Person));

        Assert.Equal(0, (await world.Tracking.ListLeadsAsync(userId, pageId, 1, 20)).Total);
        Assert.Null(await world.StatAsync(pageId, Today));
        Assert.Empty(world.Channels.Pushed);
    }

    [Fact]
    public async Task SubmitLead_DraftOrUnknownPage_IsNotFound()
    {
        await using var world = await TrackingWorld.CreateAsync();
        await world.PageAsync("draft-page", live: null, draft: TrackingWorld.Document());
        var form = new Dictionary<string, string> { ["name"] = "Ada", ["email"] = "ada@example.com" };

        await Assert.ThrowsAsync<NotFoundException>(() => world.Tracking.SubmitLeadAsync("draft-page", form, TrackingWorld.Person));
        await Assert.ThrowsAsync<NotFoundException>(() => world.Tracking.SubmitLeadAsync("no-such-page", form, TrackingWorld.Person));
    }

    [Fact]
    public async Task SubmitLead_PageWithoutForm_IsAValidationError()
    {
        await using var world = await TrackingWorld.CreateAsync();
        await world.PageAsync("no-form", new LandingPageDocument { Blocks = [new PageBlock { Id = "h", Type = BlockType.Heading, Title = "Hi" }] });

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            world.Tracking.SubmitLeadAsync("no-form", new Dictionary<string, string> { ["name"] = "Ada" }, TrackingWorld.Person));

        Assert.Equal(["form"], error.Errors.Keys);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SubmitLead_NotifiesTheOwner_OnlyWhenThePageAsksFor(bool notify)
    {
        await using var world = await TrackingWorld.CreateAsync();
        var (userId, pageId) = await world.PageAsync("spring-sale", TrackingWorld.Document(), notify: notify);

        await world.Tracking.SubmitLeadAsync("spring-sale", new Dictionary<string, string> { ["name"] = "Ada", ["email"] = "ada@example.com" }, TrackingWorld.Person);

        var listed = await world.Notifications.ListAsync(userId, new NotificationQuery { Category = NotificationCategories.LeadReceived });
        if (!notify)
        {
            Assert.Empty(listed.Items);
            return;
        }

        var note = Assert.Single(listed.Items);
        Assert.Contains("Spring sale spring-sale", note.Title, StringComparison.Ordinal);
        Assert.Equal($"/landing-pages/{pageId}", note.Link);
        Assert.DoesNotContain("ada@example.com", note.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListLeads_NewestFirst_Paged_AndOwnerScoped()
    {
        await using var world = await TrackingWorld.CreateAsync();
        var (owner, pageId) = await world.PageAsync("spring-sale", TrackingWorld.Document());
        var other = await Seed.UserAsync(world.Db, "other@example.com");
        for (var i = 0; i < 3; i++)
        {
            await world.Tracking.SubmitLeadAsync("spring-sale", new Dictionary<string, string> { ["name"] = $"n{i}", ["email"] = $"n{i}@example.com" }, TrackingWorld.Person);
            world.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var page = await world.Tracking.ListLeadsAsync(owner, pageId, 1, 2);

        Assert.Equal(3, page.Total);
        Assert.Equal(["n2", "n1"], page.Items.Select(l => l.Fields["name"]));
        await Assert.ThrowsAsync<NotFoundException>(() => world.Tracking.ListLeadsAsync(other, pageId, 1, 20));
        await Assert.ThrowsAsync<NotFoundException>(() => world.Tracking.WriteLeadsCsvAsync(other, pageId, Stream.Null));
        await Assert.ThrowsAsync<ValidationFailedException>(() => world.Tracking.ListLeadsAsync(owner, pageId, 0, 101));
    }

    [Fact]
    public async Task WriteLeadsCsv_OneColumnPerFieldSeen_FormulasDefused_Quoted()
    {
        await using var world = await TrackingWorld.CreateAsync();
        var (owner, pageId) = await world.PageAsync("spring-sale", TrackingWorld.Document());
        await world.Tracking.SubmitLeadAsync("spring-sale", new Dictionary<string, string> { ["name"] = "=HYPERLINK(\"http://x\")", ["email"] = "a@example.com" }, TrackingWorld.Person);
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        await world.Tracking.SubmitLeadAsync("spring-sale", new Dictionary<string, string>
        {
            ["name"] = "Bob, Jr.", ["email"] = "b@example.com", ["phone"] = "+1 555 123 4567", ["message"] = "@SUM(1)\nsecond line",
        }, TrackingWorld.Person);

        using var output = new MemoryStream();
        await world.Tracking.WriteLeadsCsvAsync(owner, pageId, output);

        var text = new System.Text.UTF8Encoding(false).GetString(output.ToArray()).TrimStart('\uFEFF');
        var lines = text.Split("\r\n");
        Assert.Equal("created_at,email,name,phone,message", lines[0]);
        Assert.Equal("2026-11-26T09:01:00Z,b@example.com,\"Bob, Jr.\",'+1 555 123 4567,\"'@SUM(1)\nsecond line\"", lines[1]);
        Assert.Equal("2026-11-26T09:00:00Z,a@example.com,\"'=HYPERLINK(\"\"http://x\"\")\",,", lines[2]);
        Assert.Equal("", lines[3]);
    }

    [Fact]
    public async Task GetStats_FillsEveryDayOfTheRange_WithTotals()
    {
        await using var world = await TrackingWorld.CreateAsync();
        var (owner, pageId) = await world.PageAsync("spring-sale", TrackingWorld.Document());
        for (var i = 0; i < 4; i++)
        {
            await world.Tracking.RecordAsync("spring-sale", PageEventType.View, null, TrackingWorld.Person);
        }

        await world.Tracking.SubmitLeadAsync("spring-sale", new Dictionary<string, string> { ["name"] = "Ada", ["email"] = "ada@example.com" }, TrackingWorld.Person);

        var stats = await world.Tracking.GetStatsAsync(owner, pageId, Today.AddDays(-2), Today.AddDays(1));

        Assert.Equal([Today.AddDays(-2), Today.AddDays(-1), Today, Today.AddDays(1)], stats.Days.Select(d => d.Date));
        Assert.Equal(new PageDayStats(Today, 4, 0, 1, 0.25m), stats.Days[2]);
        Assert.Equal(new PageDayStats(Today.AddDays(-1), 0, 0, 0, null), stats.Days[1]);
        Assert.Equal(PageTotals.Of(4, 0, 1), stats.Totals);
    }

    [Fact]
    public async Task GetStats_BadRangeOrAnotherUsersPage_IsRefused()
    {
        await using var world = await TrackingWorld.CreateAsync();
        var (owner, pageId) = await world.PageAsync("spring-sale", TrackingWorld.Document());
        var other = await Seed.UserAsync(world.Db, "other@example.com");

        await Assert.ThrowsAsync<ValidationFailedException>(() => world.Tracking.GetStatsAsync(owner, pageId, Today, Today.AddDays(-1)));
        await Assert.ThrowsAsync<ValidationFailedException>(() => world.Tracking.GetStatsAsync(owner, pageId, Today.AddDays(-366), Today));
        Assert.Equal(366, (await world.Tracking.GetStatsAsync(owner, pageId, Today.AddDays(-365), Today)).Days.Count);
        await Assert.ThrowsAsync<NotFoundException>(() => world.Tracking.GetStatsAsync(other, pageId, Today, Today));
    }
}
