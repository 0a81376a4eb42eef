using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using AdPilot.Core.Data;

namespace AdPilot.Bench.Reports;

/// <summary>The real AdPilot host as a child process on a free loopback port, over the bench database, signed in as the bench user.</summary>
internal sealed class WebHost : IAsyncDisposable
{
    private readonly Process _process;

    private WebHost(Process process, HttpClient client)
    {
        _process = process;
        Client = client;
    }

    public HttpClient Client { get; }

    public static async Task<WebHost> StartAsync(string hostDll, DatabaseProvider provider, string connectionString, string dataDirectory)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var start = new ProcessStartInfo("dotnet", [Path.GetFullPath(hostDll), "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(hostDll))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development"; // the dev-token sign-in
        start.Environment["DataDirectory"] = dataDirectory;
        start.Environment["Database__Provider"] = provider.ToString();
        start.Environment["ConnectionStrings__AdPilot"] = connectionString;
        start.Environment["RateLimit__PermitsPerMinute"] = "1000000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["RateLimit__McpPermitsPerMinute"] = "1000000";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine($"  host: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(2) };
        var host = new WebHost(process, client);
        for (var i = 0; i < 600; i++)
        {
            try
            {
                var response = await client.PostAsJsonAsync("/api/v1/auth/dev-token", new { email = BenchSeed.Email });
                if (response.IsSuccessStatusCode)
                {
                    var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
                    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (process.HasExited)
            {
                break;
            }

            await Task.Delay(200);
        }

        await host.DisposeAsync();
        throw new InvalidOperationException("The AdPilot host did not start or refused the dev sign-in.");
    }

    public async Task GetAsync(string url)
    {
        using var response = await Client.GetAsync(url, HttpCompletionOption.ResponseContentRead);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
