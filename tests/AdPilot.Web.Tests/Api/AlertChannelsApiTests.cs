using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdPilot.Web.Tests.Support;

namespace AdPilot.Web.Tests.Api;

public sealed class AlertChannelsApiTests(AdPilotFactory factory) : IClassFixture<AdPilotFactory>
{
    [Fact]
    public async Task Create_ShowsTheSecretOnce_NeverTheUrl_AndAnotherUsersChannelIs404Everywhere()
    {
        var client = factory.CreateClient();
        await client.SignInAsync("alerts-owner@example.com");

        var created = await client.PostAsJsonAsync("/api/v1/alert-channels",
            new { kind = "webhook", name = "Ops", url = "https://93.184.215.14/hooks/secret-path-abcd", categories = new[] { "anomaly" } });

        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("channel").GetProperty("id").GetInt64();
        Assert.StartsWith("whsec_", body.GetProperty("signingSecret").GetString(), StringComparison.Ordinal);
        var listed = await client.GetStringAsync("/api/v1/alert-channels");
        Assert.DoesNotContain("whsec_", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-path", listed, StringComparison.Ordinal);
        Assert.Contains("…abcd", listed, StringComparison.Ordinal);

        var intruder = factory.CreateClient();
        await intruder.SignInAsync("alerts-intruder@example.com");
        foreach (var attempt in new[]
        {
            intruder.GetAsync($"/api/v1/alert-channels/{id}"),
            intruder.PatchAsJsonAsync($"/api/v1/alert-channels/{id}", new { enabled = false }),
            intruder.PostAsync($"/api/v1/alert-channels/{id}/test", null),
            intruder.PostAsync($"/api/v1/alert-channels/{id}/rotate-secret", null),
            intruder.GetAsync($"/api/v1/alert-channels/{id}/deliveries"),
            intruder.DeleteAsync($"/api/v1/alert-channels/{id}"),
        })
        {
            var response = await attempt;
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("not_found", (await response.ProblemAsync()).Code());
        }

        var still = await client.GetFromJsonAsync<JsonElement>($"/api/v1/alert-channels/{id}");
        Assert.True(still.GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Create_PrivateTarget_IsAProblemWithCodeUrlNotAllowed()
    {
        var client = factory.CreateClient();
        await client.SignInAsync("alerts-ssrf@example.com");

        var refused = await client.PostAsJsonAsync("/api/v1/alert-channels", new { kind = "webhook", name = "Inside", url = "http://10.0.0.7/hook" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("url_not_allowed", (await refused.ProblemAsync()).Code());
    }
}
