using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace AdPilot.Web.Tests.Support;

/// <summary>
/// A loopback TCP forwarder in front of a shared server, so a test can take "the server" away and bring it back
/// without touching the server itself: <see cref="Stop"/> refuses new connections and cuts the open ones.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly ConcurrentDictionary<TcpClient, bool> _open = new();
    private TcpListener? _listener;
    private int _dropNext;
    private int _accepted;

    public TcpProxy(string targetHost, int targetPort)
    {
        _target = new IPEndPoint(IPAddress.Parse(targetHost), targetPort);
        Port = RedisServerProcess.FreePort();
        Start();
    }

    public int Port { get; }

    /// <summary>Connections accepted so far, dropped ones included.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>The next <paramref name="count"/> connections are accepted and closed at once (a server going away mid-handshake).</summary>
    public void DropNext(int count) => Volatile.Write(ref _dropNext, count);

    public void Start()
    {
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Start();
        _ = AcceptLoopAsync(_listener);
    }

    public void Stop()
    {
        _listener?.Stop();
        _listener = null;
        foreach (var client in _open.Keys)
        {
            client.Dispose();
        }

        _open.Clear();
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private async Task AcceptLoopAsync(TcpListener listener)
    {
        while (true)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync();
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Interlocked.Increment(ref _accepted);
            if (Interlocked.Decrement(ref _dropNext) >= 0)
            {
                inbound.Dispose();
                continue;
            }

            _ = PipeAsync(inbound);
        }
    }

    private async Task PipeAsync(TcpClient inbound)
    {
        var outbound = new TcpClient();
        _open[inbound] = true;
        _open[outbound] = true;
        try
        {
            await outbound.ConnectAsync(_target);
            var a = inbound.GetStream();
            var b = outbound.GetStream();
            await Task.WhenAny(a.CopyToAsync(b), b.CopyToAsync(a));
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            // A cut connection: what Stop() is for.
        }
        finally
        {
            _open.TryRemove(inbound, out _);
            _open.TryRemove(outbound, out _);
            inbound.Dispose();
            outbound.Dispose();
        }
    }
}
