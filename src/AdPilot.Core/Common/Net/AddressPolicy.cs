using System.Net;

namespace AdPilot.Core.Common.Net;

/// <summary>
/// Which addresses a user-given URL may reach: the public internet only. Everything private, local, reserved or a
/// cloud metadata endpoint is refused, in IPv4 and IPv6, including IPv6 forms that carry an IPv4 address (mapped,
/// NAT64, 6to4), which are judged by the IPv4 address inside.
/// </summary>
public sealed class AddressPolicy
{
    private static readonly (IPNetwork Network, string Kind)[] Refused =
    [
        (Net("169.254.169.254/32"), "cloud metadata"),
        (Net("168.63.129.16/32"), "cloud metadata"), // Azure's host endpoint, inside a public range
        (Net("100.100.100.200/32"), "cloud metadata"), // Alibaba Cloud
        (Net("0.0.0.0/8"), "unspecified"),
        (Net("10.0.0.0/8"), "private"),
        (Net("100.64.0.0/10"), "carrier-grade NAT"),
        (Net("127.0.0.0/8"), "loopback"),
        (Net("169.254.0.0/16"), "link-local"),
        (Net("172.16.0.0/12"), "private"),
        (Net("192.0.0.0/24"), "reserved"),
        (Net("192.0.2.0/24"), "documentation"),
        (Net("192.168.0.0/16"), "private"),
        (Net("198.18.0.0/15"), "reserved"),
        (Net("198.51.100.0/24"), "documentation"),
        (Net("203.0.113.0/24"), "documentation"),
        (Net("224.0.0.0/4"), "multicast"),
        (Net("240.0.0.0/4"), "reserved"), // and 255.255.255.255, broadcast
        (Net("::/128"), "unspecified"),
        (Net("::1/128"), "loopback"),
        (Net("::/96"), "reserved"), // IPv4-compatible, deprecated
        (Net("64:ff9b:1::/48"), "reserved"), // local-use NAT64
        (Net("100::/64"), "reserved"),
        (Net("2001::/32"), "reserved"), // Teredo: the IPv4 inside is obfuscated, so the whole range is refused
        (Net("2001:db8::/32"), "documentation"),
        (Net("fc00::/7"), "unique-local"), // includes AWS's IPv6 metadata endpoint fd00:ec2::254
        (Net("fe80::/10"), "link-local"),
        (Net("fec0::/10"), "site-local"),
        (Net("ff00::/8"), "multicast"),
    ];

    private static readonly IPNetwork Nat64 = Net("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = Net("2002::/16");

    private readonly IReadOnlyList<IPNetwork> _allowed;

    /// <param name="testOnlyAllowed">Networks let through although refused (tests only, see <see cref="SafeFetchOptions"/>).</param>
    public AddressPolicy(IEnumerable<string>? testOnlyAllowed = null) =>
        _allowed = (testOnlyAllowed ?? []).Select(Net).ToList();

    /// <summary>Why the address is refused ("loopback", "private", …); null when it is a public address.</summary>
    public string? RefusalOf(IPAddress address)
    {
        var judged = Embedded(address);
        if (_allowed.Any(n => n.Contains(judged) || n.Contains(address)))
        {
            return null;
        }

        foreach (var (network, kind) in Refused)
        {
            if (network.Contains(judged))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>The IPv4 address an IPv6 address carries (IPv4-mapped, NAT64, 6to4), else the address itself.</summary>
    private static IPAddress Embedded(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        if (Nat64.Contains(address))
        {
            return new IPAddress(address.GetAddressBytes().AsSpan(12, 4));
        }

        return SixToFour.Contains(address) ? new IPAddress(address.GetAddressBytes().AsSpan(2, 4)) : address;
    }

    private static IPNetwork Net(string cidr) => IPNetwork.Parse(cidr);
}
