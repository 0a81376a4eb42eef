using System.Text.Json;
using AdPilot.Core.Common;
using AdPilot.Core.Credits;
using AdPilot.Core.Identity;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AdPilot.Bench.Credits;

/// <summary>
/// Deductions end to end through the MCP server: one real <see cref="McpClient"/> per account (Streamable HTTP, a personal
/// access token each) calling <c>deduct_credit</c>. Clients share one connection pool, as a gateway would.
/// </summary>
internal sealed class McpDeductions : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly Dictionary<long, McpClient> _clients;

    private McpDeductions(HttpClient http, Dictionary<long, McpClient> clients)
    {
        _http = http;
        _clients = clients;
    }

    public static async Task<McpDeductions> ConnectAsync(Uri host, PersonalAccessTokenService tokens, IEnumerable<long> accounts, int parallelism)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = Timeout.InfiniteTimeSpan });
        var clients = new System.Collections.Concurrent.ConcurrentDictionary<long, McpClient>();
        await Parallel.ForEachAsync(accounts.Distinct(), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (account, ct) =>
        {
            var token = await tokens.CreateAsync(account, new CreateAccessTokenRequest { Name = "bench", Scopes = [AccessScopes.Read, AccessScopes.Write] }, ct);
            var transport = new HttpClientTransport(
                new HttpClientTransportOptions
                {
                    Endpoint = new Uri(host, "/mcp"),
                    TransportMode = HttpTransportMode.StreamableHttp,
                    AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token.Secret },
                },
                http,
                ownsHttpClient: false);
            clients[account] = await McpClient.CreateAsync(transport, cancellationToken: ct);
        });
        return new McpDeductions(http, clients.ToDictionary());
    }

    /// <summary>Calls deduct_credit; a tool error becomes the exception the service would have thrown, so the runner counts it alike.</summary>
    public async Task DeductAsync(long account, DeductRequest request)
    {
        var result = await _clients[account].CallToolAsync("deduct_credit", new Dictionary<string, object?>
        {
            ["operation"] = request.Operation,
            ["idempotency_key"] = request.IdempotencyKey,
        });
        if (result.IsError == true)
        {
            var text = string.Concat(result.Content.OfType<TextContentBlock>().Select(t => t.Text));
            var code = JsonDocument.Parse(text).RootElement.GetProperty("error").GetProperty("code").GetString();
            throw code == "insufficient_credits" ? new InsufficientCreditsException(0, 0) : new InvalidOperationException($"deduct_credit failed: {text}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            await client.DisposeAsync();
        }

        _http.Dispose();
    }
}
