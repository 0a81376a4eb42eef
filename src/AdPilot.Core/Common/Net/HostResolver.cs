using System.Net;

namespace AdPilot.Core.Common.Net;

/// <summary>Resolves host names; a seam so tests can make a name resolve to an address of their choice.</summary>
public interface IHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct);
}

public sealed class DnsHostResolver : IHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) => Dns.GetHostAddressesAsync(host, ct);
}
