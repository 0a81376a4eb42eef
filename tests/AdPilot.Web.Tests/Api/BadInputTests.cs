using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AdPilot.Web.Tests.Support;
using Hangfire;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.Web.Tests.Api;

/// <summary>A host whose background jobs are dropped: the tests here read nothing a background sync would write.</summary>
public sealed class BadInputFactory : AdPilotFactory
{
    public BadInputFactory() => TestServices = s => s.AddSingleton<IBackgroundJobClient, DroppedJobs>();
}

/// <summary>Bad input found by trying the product as an attacker: each is a 4xx problem naming the field, never a 500.</summary>
public sealed class BadInputTests(BadInputFactory host) : IClassFixture<BadInputFactory>
{
    private readonly AdPilotFactory _host = host;

    private HttpClient Browser() => _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> SignedInAsync(string name)
    {
        var client = _host.CreateClient();
        await client.SignInAsync($"{name}-{Guid.NewGuid():N}@example.com");
        return client;
    }

    /// <summary>A body with a Content-Type header exactly as given, however wrong.</summary>
    private static StringContent Raw(string body, string contentType)
    {
        var content = new StringContent(body);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private async Task<(HttpClient Client, long AccountId)> SignedInWithAccountAsync(string email)
    {
        var browser = Browser();
        await browser.PostDevLoginAsync(email);
        await browser.BindSimulatedAsync();
        var accounts = await browser.GetFromJsonAsync<JsonElement>("/api/v1/ad-accounts");
        return (browser, accounts[0].GetProperty("id").GetInt64());
    }

    private static StringContent Json(string json, string contentType = "application/json") => new(json, Encoding.UTF8, new System.Net.Http.Headers.MediaTypeHeaderValue(contentType));

    private static async Task<JsonElement> AssertFieldErrorAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"No error for {field}: {problem}");
        return problem;
    }

    [Theory]
    [InlineData("\"budget\": -5", "adSets[0].budget")]
    [InlineData("\"budget\": 0", "adSets[0].budget")]
    [InlineData("\"budget\": 2000000", "adSets[0].budget")]
    [InlineData("\"budget\": 9.2e18", "adSets[0].budget")]
    [InlineData("\"name\": \"{201 chars}\"", "adSets[0].name")]
    [InlineData("\"targeting\": null", "adSets[0].targeting")]
    [InlineData("\"ads\": [null]", "adSets[0].ads[0]")]
    [InlineData("\"ads\": [{\"name\": \"Ad\", \"headline\": \"{256 chars}\"}]", "adSets[0].ads[0].headline")]
    public async Task CreateCampaign_BadNestedAdSet_IsRefusedWithTheNestedField_AndNothingIsCreated(string adSetField, string errorField)
    {
        var (client, accountId) = await SignedInWithAccountAsync($"nested-{Guid.NewGuid():N}@example.com");
        adSetField = adSetField.Replace("{201 chars}", new string('n', 201), StringComparison.Ordinal).Replace("{256 chars}", new string('h', 256), StringComparison.Ordinal);
        var adSet = adSetField.StartsWith("\"name\"", StringComparison.Ordinal) ? $"{{{adSetField}, \"budgetType\": \"daily\"}}" : $"{{\"name\": \"Set\", \"budgetType\": \"daily\", {adSetField}}}";

        var response = await client.PostAsync("/api/v1/campaigns", Json($"{{\"adAccountId\": {accountId}, \"name\": \"Launch\", \"budget\": 10, \"adSets\": [{adSet}]}}"));

        var problem = await AssertFieldErrorAsync(response, errorField);
        Assert.Equal("validation_failed", problem.Code());
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/v1/campaigns")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task CreateCampaign_NullAdSet_IsAFieldError()
    {
        var (client, accountId) = await SignedInWithAccountAsync("null-adset@example.com");

        var response = await client.PostAsync("/api/v1/campaigns", Json($"{{\"adAccountId\": {accountId}, \"name\": \"Launch\", \"budget\": 10, \"adSets\": [null]}}"));

        await AssertFieldErrorAsync(response, "adSets[0]");
    }

    [Theory]
    [InlineData("application/json; charset=klingon")]
    [InlineData("application/json; charset=utf-7")]
    public async Task JsonBody_UnknownCharset_IsProblemUnsupportedMediaType(string contentType)
    {
        var client = await SignedInAsync("charset");

        var response = await client.PatchAsync("/api/v1/users/me", Raw("{\"name\": \"Eve\"}", contentType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("unsupported_media_type", (await response.ProblemAsync()).Code());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"operation\": null}")]
    public async Task Estimate_WithoutOperation_IsAFieldError(string body)
    {
        var client = await SignedInAsync("estimate");

        await AssertFieldErrorAsync(await client.PostAsync("/api/v1/credits/estimate", Json(body)), "operation");
    }

    [Theory]
    [InlineData("summary", "to=0001-01-01", "to")]
    [InlineData("metrics", "from=9999-12-25&to=9999-12-31&granularity=week", "from")]
    [InlineData("breakdown", "from=0001-01-01&to=0001-01-03", "from")]
    public async Task Reports_RangeAtTheEndsOfTheCalendar_IsAFieldError(string report, string query, string field)
    {
        var client = await SignedInAsync("calendar");

        await AssertFieldErrorAsync(await client.GetAsync($"/api/v1/reports/{report}?{query}"), field);
    }

    [Fact]
    public async Task SaveMetrics_CountAboveTheDocumentedMaximum_IsAFieldError_AndTheMaximumIsAccepted()
    {
        var (client, accountId) = await SignedInWithAccountAsync("metrics-cap@example.com");
        var created = await (await client.PostAsync("/api/v1/campaigns", Json(
            $"{{\"adAccountId\": {accountId}, \"name\": \"Launch\", \"budget\": 10, \"adSets\": [{{\"name\": \"Set\", \"ads\": [{{\"name\": \"Ad\"}}]}}]}}"))).Content.ReadFromJsonAsync<JsonElement>();
        var adId = created.GetProperty("adSets")[0].GetProperty("ads")[0].GetProperty("id").GetInt64();
        string Metric(string impressions) => $"{{\"metrics\": [{{\"adId\": {adId}, \"date\": \"2026-11-20\", \"spend\": 1, \"impressions\": {impressions}, \"clicks\": 0, \"conversions\": 0, \"revenue\": 0}}]}}";

        var huge = await client.PostAsync("/api/v1/reports/metrics", Json(Metric("9200000000000000000")));
        var max = await client.PostAsync("/api/v1/reports/metrics", Json(Metric("10000000000")));

        await AssertFieldErrorAsync(huge, "metrics[0].impressions");
        Assert.Equal(HttpStatusCode.OK, max.StatusCode);
    }

    [Theory]
    [InlineData("multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\nabc\r\n--x--\r\n")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\nabc")]
    public async Task CreativeUpload_MultipartWithoutBoundaryOrCutShort_IsBadRequest(string contentType, string body)
    {
        var client = await SignedInAsync("multipart");

        var response = await client.PostAsync("/api/v1/creatives", Raw(body, contentType));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", (await response.ProblemAsync()).Code());
    }

    [Fact]
    public async Task NullInsideLists_IsAFieldError_OnPreferencesAndCreativeTags()
    {
        var client = await SignedInAsync("null-lists");

        await AssertFieldErrorAsync(await client.PutAsync("/api/v1/notifications/preferences", Json("{\"categories\": [{\"category\": \"system\", \"channels\": \"both\"}, null]}")), "categories[1]");
        await AssertFieldErrorAsync(await client.PostAsync("/api/v1/creatives", Json("{\"uploadKey\": \"k\", \"tags\": [\"a\", null]}")), "tags[1]");
    }

    [Theory]
    [InlineData("/a%01b", "/overview")]
    [InlineData("/a%0D%0ASet-Cookie:%20x=1", "/overview")]
    [InlineData("/caf%C3%A9?q=%E4%B8%AD", "/caf%C3%A9?q=%E4%B8%AD")]
    [InlineData("//evil.example", "/overview")]
    public async Task CultureSet_HostileReturnUrl_RedirectsOnlyToASafeLocalAsciiPath(string returnUrl, string expected)
    {
        var response = await Browser().GetAsync($"/culture/set?culture=en&returnUrl={returnUrl}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/a\u0007b", "/overview")]
    [InlineData("/café", "/caf%C3%A9")]
    public async Task DevLogin_HostileReturnUrl_RedirectsOnlyToASafeLocalAsciiPath(string returnUrl, string expected)
    {
        var response = await Browser().PostDevLoginAsync("return-url@example.com", returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }
}
