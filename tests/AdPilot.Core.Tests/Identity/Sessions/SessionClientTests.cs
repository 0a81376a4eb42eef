using System.Net;
using AdPilot.Core.Identity.Sessions;

namespace AdPilot.Core.Tests.Identity.Sessions;

public sealed class SessionClientTests
{
    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36", "Chrome on Windows")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.51", "Edge on Windows")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15", "Safari on macOS")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/124.0 Mobile/15E148 Safari/604.1", "Chrome on iOS")]
    [InlineData("Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0", "Firefox on Linux")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36", "Chrome on Android")]
    [InlineData("curl/8.5.0", "curl")]
    [InlineData("", "Unknown device")]
    [InlineData(null, "Unknown device")]
    public void DeviceName_Parse_NamesBrowserAndSystem(string? userAgent, string expected) => Assert.Equal(expected, DeviceName.Parse(userAgent));

    [Theory]
    [InlineData("DE", null, "203.0.113.7", "DE")]
    [InlineData("de", "Berlin", "203.0.113.7", "Berlin, DE")]
    [InlineData("US", "San%20Francisco", null, "San Francisco, US")]
    [InlineData("XX", null, "203.0.113.7", "203.0.113.x")]
    [InlineData("<script>", null, "203.0.113.7", "203.0.113.x")]
    [InlineData(null, "Berlin", "::ffff:198.51.100.9", "198.51.100.x")]
    [InlineData(null, null, "2001:db8:85a3:8d3:1319:8a2e:370:7348", "2001:db8:85a3::x")]
    [InlineData(null, null, null, "")]
    public void PlaceOf_PrefersTheCdnCountryElseAMaskedIp(string? country, string? city, string? ip, string expected) =>
        Assert.Equal(expected, SessionClient.PlaceOf(country, city, ip is null ? null : IPAddress.Parse(ip)));

    [Fact]
    public void From_HostileCityHeader_IsCleanedAndClipped()
    {
        var client = SessionClient.From("curl/8", "FR", "<img src=x onerror=alert(1)>" + new string('a', 500), IPAddress.Loopback);

        Assert.DoesNotContain("<", client.Place, StringComparison.Ordinal);
        Assert.True(client.Place.Length <= SessionClient.MaxLength);
        Assert.EndsWith(", FR", client.Place, StringComparison.Ordinal);
    }
}
