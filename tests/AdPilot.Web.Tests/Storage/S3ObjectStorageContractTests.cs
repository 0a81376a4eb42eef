using AdPilot.Core.Storage;
using AdPilot.Web.Tests.Support;
using Microsoft.Extensions.Options;

namespace AdPilot.Web.Tests.Storage;

/// <summary>The S3 store against the S3-compatible server ./test.sh starts (s3rver; it does not check signatures).</summary>
public sealed class S3ObjectStorageContractTests : IDisposable
{
    private readonly S3ObjectStorage _store = new(Options.Create(new StorageOptions
    {
        Provider = StorageProvider.S3,
        S3 = new S3StorageOptions
        {
            ServiceUrl = RealServers.S3 ?? "http://127.0.0.1:1", Bucket = RealServers.S3Bucket, AccessKey = "S3RVER", SecretKey = "S3RVER", ForcePathStyle = true,
            PublicBaseUrl = "https://cdn.example.com/assets/",
        },
    }), TimeProvider.System);

    private readonly HttpClient _http = new();

    [S3Fact]
    public Task RoundTrip() => StorageContract.RoundTripAsync(_store);

    [S3Fact]
    public Task Delete() => StorageContract.DeleteAsync(_store);

    [S3Fact]
    public Task ListOlderThan() => StorageContract.ListOlderThanAsync(_store);

    [S3Fact]
    public async Task PresignedPut_ThenSignedGet_ReturnsTheSameBytes()
    {
        foreach (var length in new[] { 1, 1000, 250_000 })
        {
            Assert.True(await StorageContract.PresignedRoundTripAsync(_store, _http, StorageContract.Bytes(length, length)));
        }
    }

    [Fact]
    public void PublicUrl_UsesTheCdnBase_AndPresignedUrlsCarryTheExpiry()
    {
        using var store = new S3ObjectStorage(Options.Create(new StorageOptions
        {
            S3 = new S3StorageOptions { ServiceUrl = "http://127.0.0.1:1", Bucket = "b", AccessKey = "k", SecretKey = "s", ForcePathStyle = true },
        }), TimeProvider.System);

        Assert.Equal("https://cdn.example.com/assets/u/1/a.png", _store.PublicUrl("u/1/a.png"));
        Assert.Equal("http://127.0.0.1:1/b/u/1/a.png", store.PublicUrl("u/1/a.png"));
        var put = new Uri(store.PresignedPutUrl("u/1/a.png", "image/png", 1234, TimeSpan.FromMinutes(15)));
        Assert.Equal(("http", "/b/u/1/a.png"), (put.Scheme, put.AbsolutePath));
        var query = System.Web.HttpUtility.ParseQueryString(put.Query);
        Assert.InRange(int.Parse(query["X-Amz-Expires"]!), 890, 900);
        // S3 refuses a PUT whose signed headers differ: the type and the exact length are part of the signature.
        Assert.Equal(["content-length", "content-type", "host"], query["X-Amz-SignedHeaders"]!.Split(';').Order(StringComparer.Ordinal));
        Assert.Throws<InvalidStorageKeyException>(() => store.SignedGetUrl("../x", TimeSpan.FromMinutes(1)));
    }

    public void Dispose()
    {
        _store.Dispose();
        _http.Dispose();
    }
}
