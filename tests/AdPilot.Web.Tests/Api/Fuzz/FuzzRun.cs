using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using AdPilot.Web.Tests.Support;
using Xunit.Abstractions;

namespace AdPilot.Web.Tests.Api.Fuzz;

/// <summary>Sends every case of every operation of the world's OpenAPI document and fails on a 5xx, or an error that is not a ProblemDetails.</summary>
internal static class FuzzRun
{
    public const int Seed = 20261130;

    public static async Task AssertNo5xxAsync(FuzzWorld world, ITestOutputHelper output)
    {
        var api = new ApiDescription(await world.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json"));
        var cases = new FuzzCases(api, world.Ids, TestImages.Png(32, 32), Seed);
        var failures = new List<string>();
        var (sent, renewed, clock) = (0, 0, Stopwatch.StartNew());
        // Deletes last (children before parents), so the fuzzer's own data is there for every other operation.
        var operations = api.Operations().OrderBy(o => o.Method == "DELETE").ThenByDescending(o => o.Method == "DELETE" ? o.Path.Count(c => c == '{') : 0)
            .ThenByDescending(o => o.Method == "DELETE" ? o.Path : "", StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            var statuses = new List<int>();
            var baseline = "";
            foreach (var fuzz in cases.For(operation))
            {
                var logged = world.Logs.Lines.Count;
                var response = await world.Client.SendAsync(Request(fuzz));
                statuses.Add((int)response.StatusCode);
                baseline = statuses.Count == 1 && statuses[0] >= 400 ? await response.Content.ReadAsStringAsync() : baseline;
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{(int)response.StatusCode} from {fuzz}\n    Log: {LastError(world, logged)}");
                }
                else if ((int)response.StatusCode >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{(int)response.StatusCode} without a ProblemDetails body from {fuzz}");
                }
            }

            sent += statuses.Count;
            if (await SignedOutAsync(world))
            {
                // The operation ended the fuzzer's session (logout, sign out everywhere): without a new one every later
                // operation would only be fuzzed as far as 401.
                await world.Client.SignInAsync(FuzzWorld.FuzzerEmail);
                renewed++;
            }

            // Shows how deep the fuzzing went: a baseline that is refused means most cases stop at validation.
            output.WriteLine($"{operation}: baseline {statuses[0]}, {string.Join(", ", statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Count()}×{g.Key}"))} {baseline}");
        }

        output.WriteLine($"{sent} requests in {clock.Elapsed.TotalSeconds:F1} s; signed in again {renewed} times after an operation ended the session");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} hostile requests answered 5xx (or an error without ProblemDetails):\n\n"
            + string.Join("\n\n", failures.Take(20)) + (failures.Count > 20 ? "\n\nAnd:\n" + string.Join("\n", failures.Skip(20).Select(f => f[..f.IndexOf('\n', StringComparison.Ordinal)])) : ""));
    }

    private static async Task<bool> SignedOutAsync(FuzzWorld world) =>
        (await world.Client.GetAsync("/api/v1/users/me")).StatusCode == System.Net.HttpStatusCode.Unauthorized;

    private static HttpRequestMessage Request(FuzzCase fuzz)
    {
        var request = new HttpRequestMessage(new HttpMethod(fuzz.Operation.Method), fuzz.Url);
        if (fuzz.Body is not null)
        {
            request.Content = new ByteArrayContent(fuzz.Body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", fuzz.ContentType);
        }

        return request;
    }

    private static string LastError(FuzzWorld world, int from) =>
        world.Logs.Lines.Skip(from).LastOrDefault(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal)) is { } line
            ? line.Length <= 600 ? line : line[..600] + "…"
            : "(no error logged)";
}
