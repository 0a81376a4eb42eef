using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AdPilot.Core.Tests.Common.Net;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 for fetcher tests: each connection carries one request, answered by the
/// handler for its path (which writes the raw response), then closed.
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<string, Stream, CancellationToken, Task> _handle;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public LoopbackHttpServer(Func<string, Stream, CancellationToken, Task> handle)
    {
        _handle = handle;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The paths requested, in order.</summary>
    public ConcurrentQueue<string> Requested { get; } = new();

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public static async Task RespondAsync(Stream stream, int status, string? contentType, byte[] body, string? extraHeaders = null, bool withLength = true)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} X\r\nConnection: close\r\n");
        head.Append(contentType is null ? "" : $"Content-Type: {contentType}\r\n");
        head.Append(withLength ? $"Content-Length: {body.Length}\r\n" : "");
        head.Append(extraHeaders ?? "").Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        await stream.WriteAsync(body);
        await stream.FlushAsync();
    }

    public static Task RedirectAsync(Stream stream, string location, int status = 302) =>
        RespondAsync(stream, status, null, [], $"Location: {location}\r\n");

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var path = await ReadRequestPathAsync(stream);
                Requested.Enqueue(path);
                await _handle(path, stream, _stop.Token);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The fetcher hung up (a refusal or a timeout): nothing to answer.
            }
        }
    }

    private async Task<string> ReadRequestPathAsync(Stream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 16_384 && !(head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
            {
                break;
            }

            head.Add(one[0]);
        }

        var firstLine = Encoding.ASCII.GetString([.. head]).Split("\r\n")[0];
        return firstLine.Split(' ') is [_, var path, ..] ? path : "";
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
