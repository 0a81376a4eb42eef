using System.Net.Http.Headers;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AdPilot.Bench.Reports;

/// <summary>
/// A read tool called through a real MCP client (Streamable HTTP to the host's /mcp), beside the same query through
/// /api/v1: the MCP path's cost over REST is the tool layer, JSON-RPC and the schema'd result.
/// </summary>
internal sealed record McpCase(string Name, string Tool, Func<DateOnly, Dictionary<string, object?>> Arguments, Func<DateOnly, string> RestUrl)
{
    public static IEnumerable<McpCase> All(BenchSeed.Ids ids)
    {
        const int Days = 30;
        string From(DateOnly today) => today.AddDays(1 - Days).ToString("yyyy-MM-dd");
        yield return new("get_reports (account, 30 days)", "get_reports",
            t => new() { ["from"] = From(t), ["to"] = t.ToString("yyyy-MM-dd"), ["level"] = "account", ["entity_id"] = ids.Accounts[0] },
            t => $"/api/v1/reports/summary?from={From(t)}&to={t:yyyy-MM-dd}&level=account&entityId={ids.Accounts[0]}");
        yield return new("get_reports (campaign, 30 days)", "get_reports",
            t => new() { ["from"] = From(t), ["to"] = t.ToString("yyyy-MM-dd"), ["level"] = "campaign", ["entity_id"] = ids.Campaigns[0] },
            t => $"/api/v1/reports/summary?from={From(t)}&to={t:yyyy-MM-dd}&level=campaign&entityId={ids.Campaigns[0]}");
        yield return new("get_campaigns (account, first 25)", "get_campaigns",
            _ => new() { ["ad_account_id"] = ids.Accounts[0], ["page_size"] = 25 },
            _ => $"/api/v1/campaigns?adAccountId={ids.Accounts[0]}&pageSize=25");
    }

    public static async Task<McpClient> ConnectAsync(HttpClient client)
    {
        var token = client.DefaultRequestHeaders.Authorization ?? throw new InvalidOperationException("The host client is not signed in.");
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions
            {
                Endpoint = new Uri(client.BaseAddress!, "/mcp"),
                TransportMode = HttpTransportMode.StreamableHttp,
                AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = $"{token.Scheme} {token.Parameter}" },
            },
            new HttpClient(),
            ownsHttpClient: true);
        return await McpClient.CreateAsync(transport);
    }

    public async Task CallAsync(McpClient client, DateOnly today)
    {
        var result = await client.CallToolAsync(Tool, Arguments(today));
        if (result.IsError == true || result.StructuredContent is null)
        {
            throw new InvalidOperationException($"{Tool} failed: {string.Concat(result.Content.OfType<TextContentBlock>().Select(t => t.Text))}");
        }
    }
}
