using System.Net;
using System.Net.Sockets;

namespace AdPilot.Core.Identity.Sessions;

/// <summary>What a session list shows about where a sign-in came from: never the raw User-Agent or the full IP.</summary>
public sealed record SessionClient(string Device, string Place)
{
    public const int MaxLength = 100;

    public static readonly SessionClient Unknown = new("", "");

    /// <summary>From the request's User-Agent, the CDN's viewer country and city headers (when present) and the client IP.</summary>
    public static SessionClient From(string? userAgent, string? country, string? city, IPAddress? ip) =>
        new(Clip(DeviceName.Parse(userAgent)), Clip(PlaceOf(country, city, ip)));

    /// <summary>"Berlin, DE" or "DE" from a CDN; otherwise the IP with its host part masked: 203.0.113.x, 2001:db8:1::x.</summary>
    public static string PlaceOf(string? country, string? city, IPAddress? ip)
    {
        country = Clean(country);
        if (country is { Length: 2 } && country.All(char.IsAsciiLetter) && !country.Equals("XX", StringComparison.OrdinalIgnoreCase))
        {
            var code = country.ToUpperInvariant();
            return Clean(city) is { Length: > 0 } place ? $"{place}, {code}" : code;
        }

        return MaskedIp(ip);
    }

    public static string MaskedIp(IPAddress? ip)
    {
        if (ip is null)
        {
            return "";
        }

        if (ip.IsIPv4MappedToIPv6)
        {
            ip = ip.MapToIPv4();
        }

        var bytes = ip.GetAddressBytes();
        if (ip.AddressFamily == AddressFamily.InterNetwork)
        {
            return $"{bytes[0]}.{bytes[1]}.{bytes[2]}.x";
        }

        // The first 48 bits name a site, not a person.
        return $"{bytes[0] << 8 | bytes[1]:x}:{bytes[2] << 8 | bytes[3]:x}:{bytes[4] << 8 | bytes[5]:x}::x";
    }

    // CloudFront percent-encodes city names; header values are attacker-controlled when no CDN sits in front.
    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var decoded = Uri.UnescapeDataString(value.Trim());
        var kept = new string(decoded.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '.' or '\'').ToArray()).Trim();
        return kept.Length == 0 ? null : Clip(kept, 60);
    }

    private static string Clip(string value, int max = MaxLength) => value.Length <= max ? value : value[..max];
}
