using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdPilot.Core.LandingPages;
using AdPilot.Web.Tests.Support;

namespace AdPilot.Web.Tests.LandingPages;

public sealed class LandingPagesApiTests(AdPilotFactory app) : IClassFixture<AdPilotFactory>
{

    private static async Task<JsonElement> CreateAsync(HttpClient api, string slug)
    {
        var response = await api.PostAsJsonAsync("/api/v1/landing-pages", new { name = "Spring sale", slug, template = "lead_generation", language = "en" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Lifecycle_CreatePublishCollectLeadsStatsCsvRollbackUnpublishDelete()
    {
        var api = await app.CreateBearerClientAsync($"lp-api-{Guid.NewGuid():N}@example.com");
        var slug = LandingPageSeed.Slug("api");
        var created = await CreateAsync(api, slug);
        var id = created.GetProperty("id").GetInt64();

        var patched = await api.PatchAsJsonAsync($"/api/v1/landing-pages/{id}", new { name = "Spring sale 2" });
        Assert.Equal("Spring sale 2", (await patched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());
        var published = await (await api.PostAsync($"/api/v1/landing-pages/{id}/publish", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("published", published.GetProperty("status").GetString());
        Assert.Equal(1, (await api.GetFromJsonAsync<JsonElement>($"/api/v1/landing-pages/{id}/versions")).GetArrayLength());

        // A visitor: the template's form, as the page's script sends it.
        var form = LandingPageTemplates.Find("lead_generation", "en")!.Document.Blocks.Where(b => b.Type == BlockType.LeadForm).SelectMany(b => b.Fields ?? [])
            .DistinctBy(f => f.Name).ToDictionary(f => f.Name, f => f.Type switch { FormFieldType.Email => "ada@example.com", FormFieldType.Phone => "+1 555 123 4567", _ => "=cmd|' /C calc'!A0" });
        var visitor = app.CreateClient();
        var lead = new HttpRequestMessage(HttpMethod.Post, LandingPageRoutes.Leads(slug)) { Content = new FormUrlEncodedContent(form) };
        lead.Headers.Accept.ParseAdd("application/json");
        Assert.Equal(HttpStatusCode.OK, (await visitor.SendAsync(lead)).StatusCode);

        var leads = await api.GetFromJsonAsync<JsonElement>($"/api/v1/landing-pages/{id}/leads?page=1&pageSize=10");
        Assert.Equal(1, leads.GetProperty("total").GetInt32());
        Assert.Equal("ada@example.com", leads.GetProperty("items")[0].GetProperty("email").GetString());
        var csv = await api.GetAsync($"/api/v1/landing-pages/{id}/leads.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", csv.Content.Headers.ContentDisposition?.DispositionType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("created_at,email,", text.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("'=cmd", text, StringComparison.Ordinal);
        var stats = await api.GetFromJsonAsync<JsonElement>($"/api/v1/landing-pages/{id}/stats");
        Assert.Equal(30, stats.GetProperty("days").GetArrayLength());
        Assert.Equal(1, stats.GetProperty("totals").GetProperty("leads").GetInt64());

        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/landing-pages/{id}/versions/1/rollback", null)).StatusCode);
        var unpublished = await (await api.PostAsync($"/api/v1/landing-pages/{id}/unpublish", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual("published", unpublished.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/landing-pages/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/landing-pages/{id}")).StatusCode);
    }

    [Fact]
    public async Task EveryRouteWithAnId_AnotherUsersPage_IsNotFound_AndUntouched()
    {
        var owner = await app.CreateBearerClientAsync($"lp-owner-{Guid.NewGuid():N}@example.com");
        var other = await app.CreateBearerClientAsync($"lp-other-{Guid.NewGuid():N}@example.com");
        var id = (await CreateAsync(owner, LandingPageSeed.Slug("mine"))).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsync($"/api/v1/landing-pages/{id}/publish", null)).StatusCode);
        var root = $"/api/v1/landing-pages/{id}";

        HttpRequestMessage[] requests =
        [
            new(HttpMethod.Get, root),
            new(HttpMethod.Patch, root) { Content = JsonContent.Create(new { name = "Stolen" }) },
            new(HttpMethod.Post, root + "/publish"),
            new(HttpMethod.Post, root + "/unpublish"),
            new(HttpMethod.Get, root + "/versions"),
            new(HttpMethod.Post, root + "/versions/1/rollback"),
            new(HttpMethod.Get, root + "/leads"),
            new(HttpMethod.Get, root + "/leads.csv"),
            new(HttpMethod.Get, root + "/stats"),
            new(HttpMethod.Delete, root),
        ];
        foreach (var request in requests)
        {
            var response = await other.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{request.Method} {request.RequestUri}: {(int)response.StatusCode}");
            Assert.Equal("not_found", (await response.ProblemAsync()).Code());
        }

        var mine = await owner.GetFromJsonAsync<JsonElement>(root);
        Assert.Equal("Spring sale", mine.GetProperty("name").GetString());
        Assert.Equal("published", mine.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Templates_InEachLanguage_AndAnUnknownLanguageIsAProblem()
    {
        var api = await app.CreateBearerClientAsync("lp-templates@example.com");

        var en = await api.GetFromJsonAsync<JsonElement>("/api/v1/landing-pages/templates");
        var zh = await api.GetFromJsonAsync<JsonElement>("/api/v1/landing-pages/templates?language=zh-CN");
        var bad = await api.GetAsync("/api/v1/landing-pages/templates?language=fr");

        Assert.Equal(LandingPageTemplates.Keys, en.EnumerateArray().Select(t => t.GetProperty("key").GetString()));
        Assert.Equal("zh-CN", zh[0].GetProperty("document").GetProperty("language").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("validation_failed", (await bad.ProblemAsync()).Code());
    }

    [Fact]
    public async Task Stats_RangeOverAYear_IsAProblem()
    {
        var api = await app.CreateBearerClientAsync($"lp-stats-{Guid.NewGuid():N}@example.com");
        var id = (await CreateAsync(api, LandingPageSeed.Slug("stats"))).GetProperty("id").GetInt64();

        var response = await api.GetAsync($"/api/v1/landing-pages/{id}/stats?from=2025-01-01&to=2026-06-30");
        var reversed = await api.GetAsync($"/api/v1/landing-pages/{id}/stats?from=2026-06-30&to=2026-06-01");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("validation_failed", (await response.ProblemAsync()).Code());
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
    }
}
