using System.Net;
using System.Net.Http.Headers;
using AdPilot.Core.Storage;
using AdPilot.Web.Tests.Support;
using FsCheck;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.Web.Tests.Storage;

/// <summary>The local store through the app's own <c>/files</c> endpoints (the embedded default).</summary>
public sealed class LocalObjectStorageContractTests(LocalObjectStorageContractTests.Host host) : IClassFixture<LocalObjectStorageContractTests.Host>
{
    public sealed class Host : AdPilotFactory
    {
        public Host()
            : base("Development", new Dictionary<string, string?> { ["Storage:Local:MaxUploadBytes"] = "2000000" })
        {
        }
    }

    private IObjectStorage Store => host.Services.GetRequiredService<IObjectStorage>();

    [Fact]
    public void DefaultProvider_IsTheLocalFolderUnderTheDataDirectory()
    {
        var local = Assert.IsType<LocalObjectStorage>(Store);
        Assert.Equal(Path.Combine(host.DataDirectory, "files"), local.Root);
    }

    [Fact]
    public Task RoundTrip() => StorageContract.RoundTripAsync(Store);

    [Fact]
    public Task Delete() => StorageContract.DeleteAsync(Store);

    [Fact]
    public Task ListOlderThan() => StorageContract.ListOlderThanAsync(Store);

    /// <summary>P17 for any bytes.</summary>
    [Property(MaxTest = 25)]
    public bool PresignedPut_ThenSignedGet_ReturnsTheSameBytes(byte[] bytes) =>
        StorageContract.PresignedRoundTripAsync(Store, host.CreateClient(), bytes).GetAwaiter().GetResult();

    [Fact]
    public async Task ExpiredAlteredOrMisusedSignatures_AreRefused_AndWriteNothing()
    {
        var http = host.CreateClient();
        var key = StorageContract.NewKey(".png");
        await Store.PutAsync(key, new MemoryStream([1, 2, 3]), "image/png");
        var get = Store.SignedGetUrl(key, TimeSpan.FromMinutes(5));
        var newKey = StorageContract.NewKey(".png");
        var put = Store.PresignedPutUrl(newKey, "image/png", 1, TimeSpan.FromMinutes(5));

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(get)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(Store.SignedGetUrl(key, TimeSpan.FromSeconds(-1)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(get.Replace("sig=", "sig=x", StringComparison.Ordinal))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(get.Replace(key, StorageContract.NewKey(".png"), StringComparison.Ordinal))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync($"/files/{key}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Put(http, get.Replace(key, newKey, StringComparison.Ordinal), "image/png", [9])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Put(http, put, "text/html", [9])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Put(http, Store.PresignedPutUrl(newKey, "image/png", 1, TimeSpan.FromSeconds(-1)), "image/png", [9])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Put(http, put.Replace("len=1", "len=2", StringComparison.Ordinal), "image/png", [9, 9])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(put)).StatusCode); // an upload URL does not read
        Assert.False(await Store.ExistsAsync(newKey));
    }

    [Fact]
    public async Task PresignedPut_OverTheLocalLimit_Is413_AndStoresNothing()
    {
        var key = StorageContract.NewKey(".png");

        var response = await Put(host.CreateClient(), Store.PresignedPutUrl(key, "image/png", 2_000_001, TimeSpan.FromMinutes(5)), "image/png", StorageContract.Bytes(2_000_001));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.False(await Store.ExistsAsync(key));
    }

    /// <summary>Issue #11 item 3: the signed length is the exact body size; a longer or shorter body stores nothing.</summary>
    [Fact]
    public async Task PresignedPut_OfAnotherLengthThanSigned_IsRefused_AndStoresNothing()
    {
        var http = host.CreateClient();
        var key = StorageContract.NewKey(".png");
        var url = Store.PresignedPutUrl(key, "image/png", 1000, TimeSpan.FromMinutes(5));

        var longer = await Put(http, url, "image/png", StorageContract.Bytes(1001));
        var shorter = await Put(http, url, "image/png", StorageContract.Bytes(999));
        var chunkedLonger = await http.SendAsync(new HttpRequestMessage(HttpMethod.Put, url)
        {
            Content = new StreamContent(new UnknownLengthStream(StorageContract.Bytes(5000))) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } },
        });

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "payload_too_large"), (longer.StatusCode, (await longer.ProblemAsync()).Code()));
        Assert.Equal((HttpStatusCode.BadRequest, "upload_length_mismatch"), (shorter.StatusCode, (await shorter.ProblemAsync()).Code()));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunkedLonger.StatusCode);
        Assert.False(await Store.ExistsAsync(key));
        Assert.Equal(HttpStatusCode.OK, (await Put(http, url, "image/png", StorageContract.Bytes(1000))).StatusCode);
    }

    /// <summary>A body sent without Content-Length (chunked), as a stream that cannot say its length.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    private static Task<HttpResponseMessage> Put(HttpClient http, string url, string contentType, byte[] body) =>
        http.SendAsync(new HttpRequestMessage(HttpMethod.Put, url)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue(contentType) } },
        });
}
