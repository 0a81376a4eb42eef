using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AdPilot.Core.Tests.Alerts;

/// <summary>A local HTTP receiver on loopback that records each POST (headers and body) and answers the statuses it is given in turn.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<int> _statuses;
    private readonly int _defaultStatus;
    private readonly Task _serving;

    public WebhookReceiver(int defaultStatus = 200, params int[] statuses)
    {
        _defaultStatus = defaultStatus;
        _statuses = new ConcurrentQueue<int>(statuses);
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = ServeAsync();
    }

    public int Port { get; }

    public string Url(string path = "/hook") => $"http://127.0.0.1:{Port}{path}";

    public ConcurrentQueue<Received> Requests { get; } = new();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            Requests.Enqueue(new Received(context.Request.HttpMethod, context.Request.Url!.AbsolutePath,
                context.Request.Headers.AllKeys.ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase), body));
            context.Response.StatusCode = _statuses.TryDequeue(out var status) ? status : _defaultStatus;
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }

    public sealed record Received(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);
}
