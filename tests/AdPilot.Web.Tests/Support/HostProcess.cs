using System.Diagnostics;

namespace AdPilot.Web.Tests.Support;

/// <summary>Runs the built AdPilot.Web as its own process, the way the README's run command does.</summary>
public static class HostProcess
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    public static async Task<Result> RunUntilExitAsync(IDictionary<string, string> environment, TimeSpan? timeout = null)
    {
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment["DataDirectory"] = Path.Combine(Path.GetTempPath(), "adpilot-proc-" + Guid.NewGuid().ToString("N"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("AdPilot did not exit; it was expected to refuse to start.");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
