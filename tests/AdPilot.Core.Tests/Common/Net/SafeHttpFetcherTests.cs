using System.Net;
using AdPilot.Core.Common;
using AdPilot.Core.Common.Net;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AdPilot.Core.Tests.Common.Net;

public sealed partial class SafeHttpFetcherTests
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];
    private static readonly FetchLimits Limits = new(1024, ["image/png", "image/jpeg"]);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>A fetcher as production builds it, except that the test's loopback server is on the test-only allow-list.</summary>
    private static SafeHttpFetcher Fetcher(TimeProvider? clock = null, string[]? allowed = null, Dictionary<string, IPAddress[]>? names = null) =>
        new(Options.Create(new SafeFetchOptions { Timeout = Timeout, TestOnlyAllowedNetworks = [.. allowed ?? ["127.0.0.1/32"]] }),
            new MapResolver(names ?? []), clock ?? TimeProvider.System);

    private static LoopbackHttpServer Serve(Func<string, Stream, Task> handle) => new((path, stream, _) => handle(path, stream));

    private static LoopbackHttpServer Serve(Func<string, Func<Stream, Task>> route) => new((path, stream, _) => route(path)(stream));

    private static async Task<string> RefusedAsync(Task fetch)
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => fetch);
        return Assert.Single(error.Errors[SafeHttpFetcher.Field]);
    }

    [Fact]
    public async Task FetchAsync_PublicFile_ConnectsToTheCheckedAddress_AndReturnsTheBody()
    {
        await using var server = Serve(async (path, s) => await LoopbackHttpServer.RespondAsync(s, 200, "image/png; charset=binary", Png));
        // "cdn.test" resolves nowhere in real DNS: the fetch can only succeed by connecting to the address this fetcher checked.
        using var fetcher = Fetcher(names: new() { ["cdn.test"] = [IPAddress.Loopback] });

        await using var file = await fetcher.FetchAsync($"http://cdn.test:{server.Port}/ads/spring%20sale.png", Limits);

        using var copy = new MemoryStream();
        await file.Content.CopyToAsync(copy);
        Assert.Equal(Png, copy.ToArray());
        Assert.Equal(("image/png", "spring sale.png"), (file.ContentType, file.FileName));
    }

    [Fact]
    public async Task FetchAsync_Redirects_AreFollowedAndEachHopChecked()
    {
        LoopbackHttpServer? server = null;
        server = Serve(path => path switch
        {
            "/a" => s => LoopbackHttpServer.RedirectAsync(s, "/b", 301),
            "/b" => s => LoopbackHttpServer.RedirectAsync(s, server!.Url("/pic.png"), 307),
            _ => s => LoopbackHttpServer.RespondAsync(s, 200, "image/png", Png),
        });
        await using var _ = server;
        using var fetcher = Fetcher();

        await using var file = await fetcher.FetchAsync(server.Url("/a"), Limits);

        Assert.Equal(["/a", "/b", "/pic.png"], server.Requested);
        Assert.Equal(server.Url("/pic.png"), file.Url.ToString());
    }

    [Theory]
    [InlineData("http://10.0.0.7/internal", "private")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "cloud metadata")]
    [InlineData("http://127.0.0.2:PORT/pic.png", "loopback")] // loopback too, but not the allow-listed 127.0.0.1
    [InlineData("http://[::ffff:192.168.1.1]/", "private")]
    [InlineData("file:///etc/passwd", "not an http or https address")]
    public async Task FetchAsync_RedirectToARefusedAddress_IsRefusedBeforeConnecting(string location, string reason)
    {
        LoopbackHttpServer? server = null;
        server = Serve(path => s => path == "/go"
            ? LoopbackHttpServer.RedirectAsync(s, location.Replace("PORT", server!.Port.ToString(), StringComparison.Ordinal))
            : LoopbackHttpServer.RespondAsync(s, 200, "image/png", Png));
        await using var _ = server;
        using var fetcher = Fetcher();

        var message = await RefusedAsync(fetcher.FetchAsync(server.Url("/go"), Limits));

        Assert.Contains(reason, message, StringComparison.Ordinal);
        Assert.Equal(["/go"], server.Requested);
    }

    [Fact]
    public async Task FetchAsync_MoreThanFiveRedirects_IsRefused()
    {
        await using var server = Serve(path => s => LoopbackHttpServer.RedirectAsync(s, "/again"));
        using var fetcher = Fetcher();

        var message = await RefusedAsync(fetcher.FetchAsync(server.Url("/start"), Limits));

        Assert.Contains("more than 5 times", message, StringComparison.Ordinal);
        Assert.Equal(6, server.Requested.Count);
    }

    [Theory]
    [InlineData("http://127.0.0.1/", "loopback")]
    [InlineData("http://127.1.2.3:8080/", "loopback")]
    [InlineData("http://[::1]/", "loopback")]
    [InlineData("http://localhost/", "loopback")]
    [InlineData("http://2130706433/", "loopback")] // 127.0.0.1 written as one number
    [InlineData("http://10.1.2.3/", "private")]
    [InlineData("http://172.16.0.1/", "private")]
    [InlineData("http://172.31.255.255/", "private")]
    [InlineData("http://192.168.0.1/", "private")]
    [InlineData("http://169.254.10.20/", "link-local")]
    [InlineData("http://[fe80::1]/", "link-local")]
    [InlineData("http://[fd12:3456::1]/", "unique-local")]
    [InlineData("http://[fd00:ec2::254]/latest/meta-data/", "unique-local")] // AWS's IPv6 metadata endpoint
    [InlineData("http://100.64.0.1/", "carrier-grade NAT")]
    [InlineData("http://100.127.255.254/", "carrier-grade NAT")]
    [InlineData("http://224.0.0.1/", "multicast")]
    [InlineData("http://239.255.255.250/", "multicast")]
    [InlineData("http://[ff02::1]/", "multicast")]
    [InlineData("http://0.0.0.0/", "unspecified")]
    [InlineData("http://[::]/", "unspecified")]
    [InlineData("http://255.255.255.255/", "reserved")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "cloud metadata")]
    [InlineData("http://168.63.129.16/", "cloud metadata")]
    [InlineData("http://100.100.100.200/", "cloud metadata")]
    [InlineData("http://[::ffff:127.0.0.1]/", "loopback")] // IPv4-mapped IPv6
    [InlineData("http://[::ffff:169.254.169.254]/", "cloud metadata")]
    [InlineData("http://[::ffff:10.0.0.1]/", "private")]
    [InlineData("http://[64:ff9b::a9fe:a9fe]/", "cloud metadata")] // NAT64 of 169.254.169.254
    [InlineData("http://[2002:7f00:1::]/", "loopback")] // 6to4 of 127.0.0.1
    public async Task FetchAsync_RefusedAddressClass_IsRefusedWithoutTheAllowList(string url, string kind)
    {
        using var fetcher = Fetcher(allowed: []);

        var message = await RefusedAsync(fetcher.FetchAsync(url, Limits));

        Assert.Contains($"a {kind} address", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_NameWithOnePrivateAnswerAmongPublicOnes_IsRefused()
    {
        using var fetcher = Fetcher(allowed: [], names: new() { ["mixed.test"] = [IPAddress.Parse("8.8.8.8"), IPAddress.Parse("10.0.0.1")] });

        var message = await RefusedAsync(fetcher.FetchAsync("https://mixed.test/pic.png", Limits));

        Assert.Contains("10.0.0.1, a private address", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://example.com/pic.png")]
    [InlineData("file:///etc/passwd")]
    [InlineData("gopher://example.com/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/relative/pic.png")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("http://user:secret@example.com/pic.png")]
    public async Task FetchAsync_NotAPlainHttpUrl_IsRefused(string? url)
    {
        using var fetcher = Fetcher(allowed: []);

        Assert.NotEmpty(await RefusedAsync(fetcher.FetchAsync(url, Limits)));
    }

    [Fact]
    public async Task FetchAsync_DeclaredLengthOverTheLimit_IsRefused()
    {
        await using var server = Serve(async (_, s) => await LoopbackHttpServer.RespondAsync(s, 200, "image/png", new byte[Limits.MaxBytes + 1]));
        using var fetcher = Fetcher();

        Assert.Contains("larger than the 1,024 bytes", await RefusedAsync(fetcher.FetchAsync(server.Url("/big.png"), Limits)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_UndeclaredBodyOverTheLimit_IsRefusedWhileReading()
    {
        await using var server = Serve(async (_, s) => await LoopbackHttpServer.RespondAsync(s, 200, "image/png", new byte[64 * 1024], withLength: false));
        using var fetcher = Fetcher();

        Assert.Contains("larger than the 1,024 bytes", await RefusedAsync(fetcher.FetchAsync(server.Url("/stream.png"), Limits)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(200, "text/html", "sent text/html")]
    [InlineData(200, null, "sent no content type")]
    [InlineData(404, "image/png", "answered HTTP 404")]
    public async Task FetchAsync_WrongTypeOrStatus_IsRefused(int status, string? contentType, string reason)
    {
        await using var server = Serve(async (_, s) => await LoopbackHttpServer.RespondAsync(s, status, contentType, Png));
        using var fetcher = Fetcher();

        Assert.Contains(reason, await RefusedAsync(fetcher.FetchAsync(server.Url("/pic.png"), Limits)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FetchAsync_ServerTooSlow_IsRefusedAtTheTimeLimit(bool stallMidBody)
    {
        var stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new LoopbackHttpServer(async (_, s, stop) =>
        {
            if (stallMidBody)
            {
                await s.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 1000\r\n\r\n"u8.ToArray(), stop);
                await s.WriteAsync(Png, stop);
                await s.FlushAsync(stop);
            }

            stalled.SetResult();
            await Task.Delay(System.Threading.Timeout.Infinite, stop);
        });
        var clock = new FakeTimeProvider();
        using var fetcher = Fetcher(clock);

        var fetch = fetcher.FetchAsync(server.Url("/slow.png"), Limits);
        await stalled.Task;
        clock.Advance(Timeout);

        Assert.Contains("within 30 seconds", await RefusedAsync(fetch), StringComparison.Ordinal);
    }

    private sealed class MapResolver(Dictionary<string, IPAddress[]> names) : IHostResolver
    {
        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
            names.TryGetValue(host, out var addresses) ? Task.FromResult(addresses) : new DnsHostResolver().ResolveAsync(host, ct);
    }
}
