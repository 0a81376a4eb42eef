using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AdPilot.Web.Tests.Actions;
using AdPilot.Web.Tests.Support;

namespace AdPilot.Web.Tests.Automation;

/// <summary>/api/v1/rules over the simulated platform: create, preview, run, runs; another user's ids are 404 on every route.</summary>
public sealed class RulesApiTests(UndoHost app) : IClassFixture<UndoHost>
{
    [Fact]
    public async Task RulesApi_CreatePreviewRunAndRuns_AndEveryRouteWithAnId_IsNotFoundForAnotherUser()
    {
        var setup = await app.SetUpAsync("rules-api@example.com");
        var http = Client(setup.User.AccessToken);
        var rule = Rule(setup.AccountId);

        var preview = await (await http.PostAsJsonAsync("/api/v1/rules/preview", rule)).Content.ReadFromJsonAsync<JsonElement>();
        using var created = await http.PostAsJsonAsync("/api/v1/rules", rule);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        using var ran = await http.PostAsync($"/api/v1/rules/{id}/run", null);
        var run = await ran.Content.ReadFromJsonAsync<JsonElement>();
        var runId = run.GetProperty("run").GetProperty("id").GetInt64();
        var runs = await http.GetFromJsonAsync<JsonElement>($"/api/v1/rules/{id}/runs");
        var list = await http.GetFromJsonAsync<JsonElement>("/api/v1/rules");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var item = Assert.Single(preview.GetProperty("items").EnumerateArray());
        Assert.Equal(("act", "20.00", "30.00"), (item.GetProperty("outcome").GetString(), item.GetProperty("before").GetString(), item.GetProperty("after").GetString()));
        var done = Assert.Single(run.GetProperty("items").EnumerateArray());
        Assert.Equal(("acted", "30.00"), (done.GetProperty("outcome").GetString(), done.GetProperty("after").GetString()));
        Assert.True(done.GetProperty("actionLogId").GetInt64() > 0);
        Assert.Equal(1, runs.GetProperty("total").GetInt32());
        Assert.Equal(id, Assert.Single(list.EnumerateArray()).GetProperty("id").GetInt64());

        var intruder = Client((await app.SignInAsync("rules-intruder@example.com")).AccessToken);
        var routes = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Get, $"/api/v1/rules/{id}", null), (HttpMethod.Put, $"/api/v1/rules/{id}", rule), (HttpMethod.Delete, $"/api/v1/rules/{id}", null),
            (HttpMethod.Post, $"/api/v1/rules/{id}/preview", null), (HttpMethod.Post, $"/api/v1/rules/{id}/run", null),
            (HttpMethod.Get, $"/api/v1/rules/{id}/runs", null), (HttpMethod.Get, $"/api/v1/rules/{id}/runs/{runId}", null),
        };
        foreach (var (method, path, body) in routes)
        {
            using var response = await intruder.SendAsync(new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) });
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path}: {response.StatusCode}");
            Assert.Equal("not_found", (await response.ProblemAsync()).Code());
        }

        Assert.Equal(0, (await intruder.GetFromJsonAsync<JsonElement>("/api/v1/rules")).GetArrayLength());
    }

    [Fact]
    public async Task CreateRule_InvalidNestedCondition_IsAValidationProblemNamingTheField()
    {
        var setup = await app.SetUpAsync("rules-invalid@example.com");
        var http = Client(setup.User.AccessToken);

        using var response = await http.PostAsJsonAsync("/api/v1/rules", new
        {
            name = "Bad", adAccountId = setup.AccountId, level = "ad_set", action = "change_budget", budgetChangePercent = 10, schedule = "daily",
            conditions = new[] { new { metric = "profit", @operator = "gt", value = 1 } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("validation_failed", problem.Code());
        Assert.True(problem.GetProperty("errors").TryGetProperty("conditions[0].metric", out _), problem.ToString());
    }

    internal static object Rule(long accountId, decimal percent = 50, decimal cap = 30) => new
    {
        name = "Scale everything", adAccountId = accountId, level = "ad_set", action = "change_budget", budgetChangePercent = percent, budgetCap = cap,
        schedule = "daily", dailyHour = 8, lookbackDays = 3, cooldownHours = 0,
        conditions = new[] { new { metric = "spend", @operator = "gte", value = 0 } },
    };

    private HttpClient Client(string token)
    {
        var http = app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
