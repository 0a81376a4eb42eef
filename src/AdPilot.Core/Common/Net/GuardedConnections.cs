using System.Net;
using System.Net.Sockets;

namespace AdPilot.Core.Common.Net;

/// <summary>
/// The connect-time half of the SSRF guard (ADR 021), shared by every outbound call to a user-given URL: the host is
/// resolved once, every address judged by <see cref="AddressPolicy"/>, and the socket connects only to those checked
/// addresses (so DNS rebinding cannot swap them between the check and the connection).
/// </summary>
public sealed class GuardedConnections(AddressPolicy policy, IHostResolver resolver)
{
    private static readonly HttpRequestOptionsKey<IPAddress[]> CheckedAddresses = new("AdPilot.CheckedAddresses");

    public AddressPolicy Policy => policy;

    /// <summary>A handler that never follows redirects, uses no proxy or cookies, and connects only to checked addresses.</summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        ConnectCallback = ConnectAsync,
    };

    /// <summary>Resolves the request's host, judges every address and pins them on the request.</summary>
    public async Task<AddressCheck> CheckAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var host = request.RequestUri!.DnsSafeHost;
        IPAddress[] addresses;
        try
        {
            // WaitAsync: a resolver that ignores cancellation (a stuck system resolver) must not outlast the time limit.
            addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await resolver.ResolveAsync(host, ct).WaitAsync(ct);
        }
        catch (SocketException)
        {
            addresses = [];
        }

        if (addresses.Length == 0)
        {
            return new AddressCheck(host, null, null);
        }

        foreach (var address in addresses)
        {
            if (policy.RefusalOf(address) is { } kind)
            {
                return new AddressCheck(host, address, kind);
            }
        }

        request.Options.Set(CheckedAddresses, addresses);
        return new AddressCheck(host, addresses[0], null);
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        if (!context.InitialRequestMessage.Options.TryGetValue(CheckedAddresses, out var addresses)
            || addresses.Any(a => policy.RefusalOf(a) is not null))
        {
            throw new InvalidOperationException("A connection without checked addresses was attempted.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>The outcome of <see cref="GuardedConnections.CheckAsync"/>: unresolved (no address), refused (a kind), or allowed.</summary>
public sealed record AddressCheck(string Host, IPAddress? Address, string? RefusedKind)
{
    public bool Resolved => Address is not null;

    public bool Allowed => Resolved && RefusedKind is null;
}
