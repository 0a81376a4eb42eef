using System.Diagnostics;

namespace AdPilot.Web.Tests.Support;

/// <summary>Runs the built AdPilot.Web as its own process, the way the README's run command does.</summary>
public static class HostProcess
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    public static async Task<Result> RunUntilExitAsync(IDictionary<string, string> environment, TimeSpan? timeout = null)
    {
        var start = StartInfo(environment);
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

    /// <summary>Starts AdPilot and keeps it running; its standard output is read line by line until disposed.</summary>
    public static Running Start(IDictionary<string, string> environment) => new(Process.Start(StartInfo(environment))!);

    private static ProcessStartInfo StartInfo(IDictionary<string, string> environment)
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

        return start;
    }

    public sealed class Running : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();
        private readonly Task _reader;

        public Running(Process process)
        {
            _process = process;
            _reader = Task.Run(async () =>
            {
                while (await process.StandardOutput.ReadLineAsync() is { } line)
                {
                    _lines.Enqueue(line);
                }
            });
            _ = process.StandardError.ReadToEndAsync();
        }

        public IReadOnlyCollection<string> Lines => _lines;

        /// <summary>Waits (polling) until some output line matches; the test fails with the output so far otherwise.</summary>
        public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < deadline)
            {
                if (_lines.FirstOrDefault(match) is { } line)
                {
                    return line;
                }

                await Task.Delay(50);
            }

            throw new TimeoutException("No matching output line. Output so far:\n" + string.Join('\n', _lines));
        }

        public async ValueTask DisposeAsync()
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            await _reader;
            _process.Dispose();
        }
    }
}
