using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AdPilot.Web.Tests.Support;

/// <summary>
/// A redis-server of the test's own on a free loopback port, to stop, freeze and restart (the shared one of ./test.sh
/// is never touched). Restarting keeps the port and, like a real outage without persistence, comes back empty.
/// </summary>
public sealed class RedisServerProcess : IAsyncDisposable
{
    private Process? _process;

    private RedisServerProcess(int port) => Port = port;

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServerProcess> StartAsync()
    {
        var server = new RedisServerProcess(FreePort());
        await server.RestartAsync();
        return server;
    }

    /// <summary>A loopback port nothing listens on right now.</summary>
    internal static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async Task RestartAsync()
    {
        var start = new ProcessStartInfo("redis-server", ["--bind", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        _ = _process.StandardOutput.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!await AnswersPingAsync())
        {
            await Task.Delay(20, deadline.Token);
        }
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    /// <summary>SIGSTOP: the connection stays open but nothing answers, as with a hung server or a dropped route.</summary>
    public Task FreezeAsync() => SignalAsync("-STOP");

    public Task ThawAsync() => SignalAsync("-CONT");

    public async ValueTask DisposeAsync()
    {
        await ThawAsync();
        await StopAsync();
        _process?.Dispose();
    }

    private async Task SignalAsync(string signal)
    {
        if (_process is { HasExited: false } process)
        {
            using var kill = Process.Start("kill", [signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }
    }

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[7];
            var read = await stream.ReadAsync(buffer);
            return read >= 5 && System.Text.Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
