using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AdPilot.Bench.Credits;

/// <summary>The real AdPilot host as a child process on a free loopback port over the bench database, for the MCP cases.</summary>
internal sealed class McpHost : IAsyncDisposable
{
    private readonly Process _process;

    private McpHost(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<McpHost> StartAsync(string hostDll, string connectionString)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var data = Path.Combine(Path.GetTempPath(), "adpilot-bench-mcp-" + Guid.NewGuid().ToString("N")[..8]);
        var start = new ProcessStartInfo("dotnet", [Path.GetFullPath(hostDll), "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(hostDll))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DataDirectory"] = data;
        start.Environment["Database__Provider"] = "MySql";
        start.Environment["ConnectionStrings__AdPilot"] = connectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["RateLimit__McpPermitsPerMinute"] = "1000000";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine($"  host: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new McpHost(process, new Uri($"http://127.0.0.1:{port}"));
        using var probe = new HttpClient { BaseAddress = host.BaseAddress };
        for (var i = 0; i < 600 && !process.HasExited; i++)
        {
            try
            {
                if ((await probe.GetAsync("/health/live")).IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        await host.DisposeAsync();
        throw new InvalidOperationException("The AdPilot host did not start.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
