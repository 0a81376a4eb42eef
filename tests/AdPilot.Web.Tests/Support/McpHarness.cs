using System.Text.Json;
using AdPilot.Core.Identity;
using AdPilot.Core.Users;
using Json.Schema;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Xunit;

namespace AdPilot.Web.Tests.Support;

/// <summary>A signed-in user for MCP tests: their id and an API access token (a JWT from /api/v1/auth).</summary>
public sealed record McpUser(long Id, string Email, string AccessToken);

/// <summary>Real MCP clients (the C# SDK's <see cref="McpClient"/> over Streamable HTTP) against the app in the test host.</summary>
public static class McpHarness
{
    public static async Task<McpUser> SignInAsync(this AdPilotFactory app, string email)
    {
        var users = app.Services.GetRequiredService<UserService>();
        var tokens = app.Services.GetRequiredService<TokenService>();
        var user = await users.SignInAsync(new ExternalIdentity("dev", email, email, null, null));
        return new McpUser(user.Id, email, (await tokens.IssueAsync(user.Id)).AccessToken);
    }

    /// <summary>A personal access token with the given scopes, made through the service as Settings does.</summary>
    public static async Task<string> CreatePatAsync(this AdPilotFactory app, long userId, params string[] scopes)
    {
        var tokens = app.Services.GetRequiredService<PersonalAccessTokenService>();
        var created = await tokens.CreateAsync(userId, new CreateAccessTokenRequest { Name = "test client", Scopes = scopes.Length == 0 ? [AccessScopes.Read, AccessScopes.Write] : scopes });
        return created.Secret;
    }

    /// <summary>Binds the simulated platform for the user (connect → consent → callback, as a browser does) and returns the account's id.</summary>
    public static async Task<long> BindSimulatedAccountAsync(this AdPilotFactory app, McpUser user)
    {
        using var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", user.AccessToken);
        await browser.BindSimulatedAsync();
        var accounts = await app.Services.GetRequiredService<AdPilot.Core.AdAccounts.AdAccountService>().ListAsync(user.Id);
        return accounts[0].Id;
    }

    public static async Task<McpClient> ConnectMcpAsync(this AdPilotFactory app, string bearerToken)
    {
        var http = app.CreateClient();
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions
            {
                Endpoint = new Uri(http.BaseAddress!, "/mcp"),
                TransportMode = HttpTransportMode.StreamableHttp,
                AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + bearerToken },
            },
            http,
            ownsHttpClient: true);
        return await McpClient.CreateAsync(transport);
    }

    public static Task<CallToolResult> CallAsync(this McpClient client, string tool, object? arguments = null) =>
        client.CallToolAsync(tool, arguments is null ? null : JsonSerializer.SerializeToElement(arguments).Deserialize<Dictionary<string, object?>>()).AsTask();

    /// <summary>P24: a success has text content and structured content that matches the tool's output schema.</summary>
    public static async Task<JsonElement> SucceedsAsync(this McpClient client, string tool, object? arguments = null)
    {
        var result = await client.CallAsync(tool, arguments);
        Assert.True(result.IsError != true, $"{tool} failed: {Text(result)}");
        Assert.Contains(result.Content, c => c is TextContentBlock);
        Assert.True(result.StructuredContent is not null, $"{tool} returned no structuredContent");
        var definition = (await client.ListToolsAsync()).Single(t => t.Name == tool).ProtocolTool;
        Assert.True(definition.OutputSchema is not null, $"{tool} declares no outputSchema");
        var schema = JsonSchema.FromText(definition.OutputSchema!.Value.GetRawText());
        var structured = JsonSerializer.SerializeToElement(result.StructuredContent);
        var evaluation = schema.Evaluate(structured, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(evaluation.IsValid, $"{tool}'s structuredContent does not match its outputSchema: " +
            string.Join("; ", (evaluation.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        return structured;
    }

    /// <summary>P25: a failure is isError with a stable code and a message; returns the code.</summary>
    public static async Task<JsonElement> FailsAsync(this McpClient client, string tool, object? arguments = null, string? code = null)
    {
        var result = await client.CallAsync(tool, arguments);
        Assert.True(result.IsError == true, $"{tool} was expected to fail but returned: {Text(result)}");
        using var body = JsonDocument.Parse(Text(result));
        var error = body.RootElement.GetProperty("error").Clone();
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.DoesNotContain("   at ", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        if (code is not null)
        {
            Assert.Equal(code, error.GetProperty("code").GetString());
        }

        return error;
    }

    public static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(t => t.Text));
}
