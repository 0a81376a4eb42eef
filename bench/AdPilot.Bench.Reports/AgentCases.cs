using System.Diagnostics;
using System.Net.Http.Json;
using AdPilot.Core.Credits;
using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Bench.Reports;

/// <summary>
/// The offline agent answering a report question over the seeded database, through the host's <c>POST /api/chat</c>:
/// time to the first <c>text-delta</c> chunk (what a user waits for) and to <c>[DONE]</c>. Each turn is a whole agent
/// turn: the checks, the tool calls over the registry, the answer, the credit charge and the stored conversation.
/// </summary>
internal sealed record AgentCase(string Name, string Question)
{
    public static IEnumerable<AgentCase> All() =>
    [
        new("performance, last 7 days", "How did we do in the last 7 days?"),
        new("top 5 campaigns by ROAS, 30 days", "top 5 campaigns by ROAS last 30 days"),
        new("worst ad sets by CPA, 7 days", "worst 3 ad sets by CPA last 7 days"),
        new("why CPA changed (zh)", "为什么昨天CPA上升了"),
    ];

    /// <summary>Enough credits for every turn of the run (each costs the chat_message rate).</summary>
    public static async Task GrantCreditsAsync(IDbContextFactory<AppDbContext> factory, long userId)
    {
        var clock = TimeProvider.System;
        var credits = new CreditService(factory, new CreditConfigService(factory, clock), clock);
        await credits.GrantAsync(userId, CreditTransactionType.Adjustment, 100_000m, "bench-agent-" + Guid.NewGuid().ToString("N"), "bench");
    }

    public async Task<(double FirstToken, double Total)> AskAsync(HttpClient client)
    {
        var watch = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat")
        {
            Content = JsonContent.Create(new { messages = new[] { new { role = "user", parts = new[] { new { type = "text", text = Question } } } } }),
        };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        double? first = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (first is null && line.StartsWith("data: {\"type\":\"text-delta\"", StringComparison.Ordinal))
            {
                first = watch.Elapsed.TotalMilliseconds;
            }
            else if (line.Contains("\"type\":\"error\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{Name}: the turn failed: {line}");
            }
            else if (line == "data: [DONE]")
            {
                break;
            }
        }

        return (first ?? throw new InvalidOperationException($"{Name}: no text arrived"), watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>p50 and p95 of the first token and of the whole turn, after untimed warm-up turns.</summary>
    public async Task<AgentResult> TimeAsync(HttpClient client, string database, int warmup, int iterations)
    {
        for (var i = 0; i < warmup; i++)
        {
            await AskAsync(client);
        }

        var firsts = new double[iterations];
        var totals = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            (firsts[i], totals[i]) = await AskAsync(client);
        }

        return new AgentResult(database, Name, Percentiles(firsts), Percentiles(totals));
    }

    private static (double P50, double P95) Percentiles(double[] samples)
    {
        Array.Sort(samples);
        return (samples[(int)Math.Ceiling(samples.Length * 0.50) - 1], samples[(int)Math.Ceiling(samples.Length * 0.95) - 1]);
    }
}

internal sealed record AgentResult(string Database, string Case, (double P50, double P95) FirstToken, (double P50, double P95) Total);
