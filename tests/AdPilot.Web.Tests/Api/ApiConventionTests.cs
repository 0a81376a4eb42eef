using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AdPilot.Web.Tests.Support;

namespace AdPilot.Web.Tests.Api;

public sealed class ApiConventionTests(AdPilotFactory factory) : IClassFixture<AdPilotFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_Endpoints_AreHealthy(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_DescribesTheApi_AndDocsPageIsServed()
    {
        var client = factory.CreateClient();

        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/users/me", out _));
        Assert.True(paths.TryGetProperty("/api/v1/auth/refresh", out _));
        Assert.False(paths.TryGetProperty("/auth/dev-login", out _));

        var docs = await client.GetAsync("/docs/");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("AdPilot API", await docs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownApiRoute_IsProblemNotFound()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", (await response.ProblemAsync()).Code());
    }

    [Fact]
    public async Task WrongMethod_IsProblemMethodNotAllowed()
    {
        var response = await factory.CreateClient().DeleteAsync("/api/v1/auth/refresh");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("method_not_allowed", (await response.ProblemAsync()).Code());
    }

    [Fact]
    public async Task UnknownPage_ShowsTheNotFoundPage()
    {
        var response = await factory.CreateClient().GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("data-testid=\"not-found\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProtectedApi_WithoutCredentials_IsProblemUnauthenticated()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/users/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("unauthenticated", (await response.ProblemAsync()).Code());
    }

    [Fact]
    public async Task MalformedJson_IsProblemBadRequest_AndChangesNothing()
    {
        var client = factory.CreateClient();
        await client.SignInAsync("malformed@example.com");

        var response = await client.PatchAsync("/api/v1/users/me", new StringContent("{\"name\": \"Eve\",", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("invalid_request", problem.Code());
        Assert.Equal("/api/v1/users/me", problem.GetProperty("instance").GetString());
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/users/me");
        Assert.Equal(JsonValueKind.Null, me.GetProperty("name").ValueKind);
    }

    [Fact]
    public async Task WrongJsonType_IsProblemWithTheField()
    {
        var client = factory.CreateClient();
        await client.SignInAsync("types@example.com");

        var response = await client.PatchAsync("/api/v1/users/me", new StringContent("{\"timeZone\": 42}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty("timeZone", out _));
    }

    [Fact]
    public async Task OversizeBody_IsProblemPayloadTooLarge()
    {
        var client = factory.CreateClient();
        await client.SignInAsync("big@example.com");
        var huge = "{\"name\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";

        var response = await client.PatchAsync("/api/v1/users/me", new StringContent(huge, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("payload_too_large", (await response.ProblemAsync()).Code());
    }
}
