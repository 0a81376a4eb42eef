using System.Net;
using AdPilot.Core.Common;
using AdPilot.Core.Common.Net;
using Microsoft.Extensions.Time.Testing;

namespace AdPilot.Core.Tests.Common.Net;

/// <summary>
/// The SSRF guard as the chat's link tool relies on it (issue 14): names that resolve to private addresses, redirects
/// there, other spellings of loopback, hosts that never answer, and the stable code of each refusal.
/// </summary>
public sealed partial class SafeHttpFetcherTests
{
    private static async Task<ValidationFailedException> RefusalAsync(Task fetch) => await Assert.ThrowsAsync<ValidationFailedException>(() => fetch);

    [Theory]
    [InlineData("10.0.0.5", "private")]
    [InlineData("172.20.1.1", "private")]
    [InlineData("192.168.1.20", "private")]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("::ffff:10.0.0.1", "private")] // an AAAA answer carrying a private IPv4 address
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("169.254.169.254", "cloud metadata")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fc00::1", "unique-local")]
    [InlineData("fdff:ffff::1", "unique-local")]
    [InlineData("100.64.0.1", "carrier-grade NAT")]
    [InlineData("0.0.0.0", "unspecified")]
    public async Task FetchAsync_NameResolvingToARefusedAddress_IsRefusedBeforeConnecting(string address, string kind)
    {
        await using var server = Serve(async (_, s) => await LoopbackHttpServer.RespondAsync(s, 200, "image/png", Png));
        using var fetcher = Fetcher(allowed: [], names: new() { ["ads.example.test"] = [IPAddress.Parse(address)] });

        var refusal = await RefusalAsync(fetcher.FetchAsync($"http://ads.example.test:{server.Port}/pic.png", Limits));

        Assert.Equal(FetchErrors.NotAllowed, refusal.Code);
        Assert.Contains($"a {kind} address", refusal.Errors[SafeHttpFetcher.Field][0], StringComparison.Ordinal);
        Assert.Empty(server.Requested);
    }

    [Fact]
    public async Task FetchAsync_RedirectToANameResolvingToAPrivateAddress_IsRefusedAtThatHop()
    {
        LoopbackHttpServer? server = null;
        server = Serve(path => s => path == "/go"
            ? LoopbackHttpServer.RedirectAsync(s, $"http://intranet.example.test:{server!.Port}/admin")
            : LoopbackHttpServer.RespondAsync(s, 200, "image/png", Png));
        await using var _ = server;
        using var fetcher = Fetcher(names: new() { ["intranet.example.test"] = [IPAddress.Parse("10.20.30.40")] });

        var refusal = await RefusalAsync(fetcher.FetchAsync(server.Url("/go"), Limits));

        Assert.Equal(FetchErrors.NotAllowed, refusal.Code);
        Assert.Contains("10.20.30.40, a private address", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(["/go"], server.Requested);
    }

    [Theory]
    [InlineData("http://[::ffff:10.0.0.1]/", "private")]
    [InlineData("http://[::ffff:7f00:2]:PORT/pic.png", "loopback")] // ::ffff:127.0.0.2 in hex, not the allow-listed 127.0.0.1
    [InlineData("http://[fe80::1]/", "link-local")]
    [InlineData("http://[fc00::1]/", "unique-local")]
    [InlineData("http://100.64.0.1/", "carrier-grade NAT")]
    [InlineData("http://0.0.0.0:PORT/", "unspecified")]
    [InlineData("http://169.254.169.254/computeMetadata/v1/", "cloud metadata")]
    public async Task FetchAsync_RedirectToAnotherRefusedAddress_IsRefused(string location, string kind)
    {
        LoopbackHttpServer? server = null;
        server = Serve(path => s => path == "/go"
            ? LoopbackHttpServer.RedirectAsync(s, location.Replace("PORT", server!.Port.ToString(), StringComparison.Ordinal), 302)
            : LoopbackHttpServer.RespondAsync(s, 200, "image/png", Png));
        await using var _ = server;
        using var fetcher = Fetcher();

        var refusal = await RefusalAsync(fetcher.FetchAsync(server.Url("/go"), Limits));

        Assert.Equal(FetchErrors.NotAllowed, refusal.Code);
        Assert.Contains($"a {kind} address", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(["/go"], server.Requested);
    }

    [Theory]
    [InlineData("http://0x7f.0.0.1/")] // hexadecimal
    [InlineData("http://0177.0.0.1/")] // octal
    [InlineData("http://127.1/")] // short form
    [InlineData("http://0x7f000001/")]
    [InlineData("http://[0:0:0:0:0:ffff:127.0.0.1]/")]
    [InlineData("http://[fe80::1%25eth0]/")] // with a zone
    public async Task FetchAsync_OtherSpellingsOfLocalAddresses_AreRefused(string url)
    {
        using var fetcher = Fetcher(allowed: []);

        Assert.Equal(FetchErrors.NotAllowed, (await RefusalAsync(fetcher.FetchAsync(url, Limits))).Code);
    }

    [Fact]
    public async Task FetchAsync_ResolverThatNeverAnswers_IsRefusedAtTheTimeLimit()
    {
        var clock = new FakeTimeProvider();
        var resolver = new HangingResolver();
        using var fetcher = new SafeHttpFetcher(
            Microsoft.Extensions.Options.Options.Create(new SafeFetchOptions { Timeout = Timeout }), resolver, clock);

        var fetch = fetcher.FetchAsync("https://slow-dns.example.test/pic.png", Limits);
        await resolver.Asked.Task;
        clock.Advance(Timeout);

        // Without the fix the fetch waits for the resolver for ever: give it a few real seconds, then fail.
        var refusal = await RefusalAsync(fetch.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(FetchErrors.Timeout, refusal.Code);
    }

    [Fact]
    public async Task FetchAsync_CallersShorterTimeLimit_Applies()
    {
        var stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new LoopbackHttpServer(async (_, s, stop) =>
        {
            stalled.SetResult();
            await Task.Delay(System.Threading.Timeout.Infinite, stop);
        });
        var clock = new FakeTimeProvider();
        using var fetcher = Fetcher(clock);

        var fetch = fetcher.FetchAsync(server.Url("/slow.html"), Limits with { Timeout = TimeSpan.FromSeconds(5) });
        await stalled.Task;
        clock.Advance(TimeSpan.FromSeconds(5));

        var refusal = await RefusalAsync(fetch);
        Assert.Equal(FetchErrors.Timeout, refusal.Code);
        Assert.Contains("within 5 seconds", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/big", FetchErrors.TooLarge)]
    [InlineData("/html", FetchErrors.UnsupportedType)]
    [InlineData("/missing", FetchErrors.Unreachable)]
    [InlineData("/loop", FetchErrors.Unreachable)]
    public async Task FetchAsync_EachRefusal_HasItsCode(string path, string code)
    {
        await using var server = Serve(p => s => p switch
        {
            "/big" => LoopbackHttpServer.RespondAsync(s, 200, "image/png", new byte[Limits.MaxBytes + 1]),
            "/html" => LoopbackHttpServer.RespondAsync(s, 200, "text/html", "<p>hi</p>"u8.ToArray()),
            "/missing" => LoopbackHttpServer.RespondAsync(s, 404, "text/html", []),
            _ => LoopbackHttpServer.RedirectAsync(s, "/loop"),
        });
        using var fetcher = Fetcher();

        var refusal = await RefusalAsync(fetcher.FetchAsync(server.Url(path), Limits));

        Assert.Equal((code, SafeHttpFetcher.Field), (refusal.Code, Assert.Single(refusal.Errors).Key));
    }

    [Fact]
    public async Task FetchAsync_TextBody_KeepsTheCharsetAndStatus()
    {
        await using var server = Serve(async (_, s) => await LoopbackHttpServer.RespondAsync(s, 203, "text/html; charset=GBK", "<p>hi</p>"u8.ToArray()));
        using var fetcher = Fetcher();

        await using var file = await fetcher.FetchAsync(server.Url("/page"), new FetchLimits(1024, ["text/html"]));

        Assert.Equal(("text/html", "GBK", 203), (file.ContentType, file.Charset, file.StatusCode));
    }

    /// <summary>A resolver that never answers and ignores cancellation, like a stuck system resolver.</summary>
    private sealed class HangingResolver : IHostResolver
    {
        public TaskCompletionSource Asked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
        {
            Asked.TrySetResult();
            return new TaskCompletionSource<IPAddress[]>().Task;
        }
    }
}
