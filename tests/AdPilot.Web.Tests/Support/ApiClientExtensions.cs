using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace AdPilot.Web.Tests.Support;

public sealed record TokenResponse(string AccessToken, string RefreshToken, int ExpiresIn, string TokenType);

public static class ApiClientExtensions
{
    /// <summary>Signs in through the Development-only dev-token endpoint and sends the bearer token from then on.</summary>
    public static async Task<TokenResponse> SignInAsync(this HttpClient client, string email)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/dev-token", new { email });
        response.EnsureSuccessStatusCode();
        var tokens = (await response.Content.ReadFromJsonAsync<TokenResponse>())!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return tokens;
    }

    /// <summary>Reads a ProblemDetails body, asserting it is one.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)response.StatusCode, body.GetProperty("status").GetInt32());
        return body;
    }

    public static string Code(this JsonElement problem) => problem.GetProperty("code").GetString()!;
}
