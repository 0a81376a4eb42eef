using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AdPilot.Web.Tests.Support;
using Hangfire;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdPilot.Web.Tests.Api.Fuzz;

/// <summary>
/// One host for the whole fuzz run, with two users who each bound the simulated platform and synced one account
/// (campaigns, ad sets, ads, 90 days of metrics) and uploaded a creative. The fuzzer is an admin, so the admin routes
/// are fuzzed past authorization; the other user's ids are the "someone else's" path values.
/// </summary>
public class FuzzWorld : IAsyncLifetime
{
    public const string FuzzerEmail = "fuzzer@example.com";
    private const string OtherEmail = "fuzz-other@example.com";

    private AdPilotFactory _host = null!;

    public CapturingLoggerProvider Logs { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _host.Services;

    /// <summary>A browser-like client (cookies, no redirects followed), signed out.</summary>
    public HttpClient CreateBrowser() => _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Resource (ad-account, campaign, ad-set, ad, creative, landing-page, notification, conversation, action) → the fuzzer's id and the other user's.</summary>
    public Dictionary<string, (long Own, long Other)> Ids { get; } = [];

    /// <summary>False when the world needs servers this run does not have (its tests are skipped).</summary>
    protected virtual bool Available => true;

    public async Task InitializeAsync()
    {
        if (!Available)
        {
            return;
        }

        var settings = Settings();
        settings["Admin:Emails:0"] = FuzzerEmail;
        // A 429 is not a failure, but it would quietly cut the fuzzer's coverage: no limit may refuse it.
        settings["RateLimit:PermitsPerMinute"] = "1000000";
        settings["RateLimit:FilesPermitsPerMinute"] = "1000000";
        _host = AdPilotFactory.With(
            settings: settings,
            services: s =>
            {
                s.AddSingleton<ILoggerProvider>(Logs);
                // The first sync runs here, in the setup; a background copy racing the fuzzer would only add noise.
                s.AddSingleton<IBackgroundJobClient, DroppedJobs>();
            });
        var own = await SeedAsync(FuzzerEmail);
        var other = await SeedAsync(OtherEmail);
        foreach (var (resource, id) in own)
        {
            Ids[resource] = (id, other.GetValueOrDefault(resource, id + 1_000));
        }

        Client = CreateBrowser();
        await Client.SignInAsync(FuzzerEmail);
    }

    public virtual async Task DisposeAsync()
    {
        if (Available)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>Configuration on top of the embedded defaults (SQLite).</summary>
    protected virtual Dictionary<string, string?> Settings() => [];

    private async Task<Dictionary<string, long>> SeedAsync(string email)
    {
        var browser = CreateBrowser();
        await browser.PostDevLoginAsync(email);
        await browser.BindSimulatedAsync();
        var api = _host.CreateClient();
        await api.SignInAsync(email);

        var account = (await api.GetFromJsonAsync<JsonElement>("/api/v1/ad-accounts")).EnumerateArray()
            .First(a => a.GetProperty("currency").GetString() == "USD").GetProperty("id").GetInt64();
        (await api.PostAsync($"/api/v1/ad-accounts/{account}/sync", null)).EnsureSuccessStatusCode();
        var campaign = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns?adAccountId={account}")).GetProperty("items")[0].GetProperty("id").GetInt64();
        var adSet = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{campaign}")).GetProperty("adSets")[0];
        using var form = new MultipartFormDataContent { { new ByteArrayContent(TestImages.Png(64, 64)) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "file", "fuzz.png" } };
        var creative = await (await api.PostAsync("/api/v1/creatives", form)).Content.ReadFromJsonAsync<JsonElement>();
        var notifications = (await api.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).GetProperty("items");
        var (conversation, agentAction) = await SeedConversationAsync(email, campaign);
        var landingPage = await SeedLandingPageAsync(api);
        return new Dictionary<string, long>
        {
            ["conversation"] = conversation,
            ["action"] = agentAction,
            ["ad-account"] = account,
            ["campaign"] = campaign,
            ["ad-set"] = adSet.GetProperty("id").GetInt64(),
            ["ad"] = adSet.GetProperty("ads")[0].GetProperty("id").GetInt64(),
            ["creative"] = creative.GetProperty("id").GetInt64(),
            ["landing-page"] = landingPage,
            ["notification"] = notifications.GetArrayLength() > 0 ? notifications[0].GetProperty("id").GetInt64() : 1,
        };
    }

    /// <summary>A landing page from a template, published (version 1), with a lead a visitor sent through its form.</summary>
    private async Task<long> SeedLandingPageAsync(HttpClient api)
    {
        var slug = "fuzz-" + Guid.NewGuid().ToString("N")[..12];
        var created = await api.PostAsJsonAsync("/api/v1/landing-pages", new { name = "Fuzz page", slug, template = "lead_generation" });
        var id = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        (await api.PostAsync($"/api/v1/landing-pages/{id}/publish", null)).EnsureSuccessStatusCode();
        var fields = AdPilot.Core.LandingPages.LandingPageTemplates.Find("lead_generation", "en")!.Document.Blocks.SelectMany(b => b.Fields ?? [])
            .DistinctBy(f => f.Name).ToDictionary(f => f.Name, f => f.Type == AdPilot.Core.LandingPages.FormFieldType.Email ? "visitor@example.com" : "+1 555 123 4567");
        using var lead = new HttpRequestMessage(HttpMethod.Post, AdPilot.Core.LandingPages.LandingPageRoutes.Leads(slug)) { Content = new FormUrlEncodedContent(fields) };
        lead.Headers.Accept.ParseAdd("application/json");
        (await _host.CreateClient().SendAsync(lead)).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>A conversation with the agent and an action card it proposed, stored as the agent stores them (no model needed).</summary>
    private async Task<(long Conversation, long Action)> SeedConversationAsync(string email, long campaignId)
    {
        var userId = (await Services.GetRequiredService<AdPilot.Core.Users.UserService>().SignInAsync(new AdPilot.Core.Users.ExternalIdentity("dev", email, email, null, null))).Id;
        var (conversation, _) = await Services.GetRequiredService<AdPilot.Core.Agent.ConversationService>().AddUserMessageAsync(userId, null, "Pause my worst campaign");
        var action = await Services.GetRequiredService<AdPilot.Core.Agent.AgentActionStore>().AddAsync(new AdPilot.Core.Agent.AgentAction
        {
            UserId = userId, ConversationId = conversation, Tool = "pause_campaign", ArgumentsJson = $"{{\"campaign_id\":{campaignId}}}",
            EntityType = "campaign", EntityId = campaignId, EntityName = "fuzz", Summary = "Pause campaign fuzz", ChangesJson = "[]",
        });
        return (conversation, action.Id);
    }
}

/// <summary>The fuzz world on a fresh MariaDB database of ./test.sh's server, dropped afterwards.</summary>
public sealed class MariaDbFuzzWorld : FuzzWorld
{
    private readonly string _database = "adpilot_fuzz_" + Guid.NewGuid().ToString("N")[..12];

    protected override bool Available => RealServers.MySql is not null && RealServers.Redis is not null;

    protected override Dictionary<string, string?> Settings() => new()
    {
        ["Database:Provider"] = "MySql",
        ["ConnectionStrings:AdPilot"] = $"{RealServers.MySql!.TrimEnd(';')};Database={_database}",
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Available)
        {
            await RealServers.DropDatabaseAsync(_database);
        }
    }
}
