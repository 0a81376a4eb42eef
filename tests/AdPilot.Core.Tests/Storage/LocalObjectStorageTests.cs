using System.Web;
using AdPilot.Core.Tests.Support;

namespace AdPilot.Core.Tests.Storage;

public sealed class LocalObjectStorageTests
{
    [Fact]
    public async Task Put_Get_Stat_Delete_RoundTrip()
    {
        using var storage = new TestStorage();
        var bytes = TestMedia.Png(4, 4);

        await storage.Store.PutAsync("u/1/a.png", new MemoryStream(bytes), "image/png");
        var stat = await storage.Store.StatAsync("u/1/a.png");
        await using (var read = await storage.Store.GetAsync("u/1/a.png"))
        {
            using var copy = new MemoryStream();
            await read!.CopyToAsync(copy);
            Assert.Equal(bytes, copy.ToArray());
        }

        Assert.Equal((bytes.Length, "image/png"), (stat!.Size, stat.ContentType));
        await storage.Store.DeleteAsync("u/1/a.png");
        Assert.False(await storage.Store.ExistsAsync("u/1/a.png"));
        Assert.Null(await storage.Store.GetAsync("u/1/a.png"));
        Assert.Null(await storage.Store.StatAsync("u/1/a.png"));
        await storage.Store.DeleteAsync("u/1/a.png"); // deleting again is not an error
        await storage.Store.DeleteAsync("u/404/never/b.png"); // nor is deleting in a folder that never existed
    }

    [Fact]
    public void SignedUrls_VerifyForTheirMethodKeyAndContentType_Only()
    {
        var clock = TestClock.At2026();
        using var storage = new TestStorage(clock);
        var (getKey, getExp, getSig) = Parse(storage.Store.SignedGetUrl("u/1/a.png", TimeSpan.FromMinutes(5)));
        var put = storage.Store.PresignedPutUrl("u/1/b.png", "image/png", 1234, TimeSpan.FromMinutes(5));
        var (putKey, putExp, putSig) = Parse(put);

        Assert.Equal("u/1/a.png", getKey);
        Assert.True(storage.Store.Verify("GET", getKey, getExp, getSig, null));
        Assert.True(storage.Store.Verify("PUT", putKey, putExp, putSig, "image/png", 1234));
        Assert.Contains("len=1234", put, StringComparison.Ordinal);
        Assert.False(storage.Store.Verify("PUT", putKey, putExp, putSig, "image/png", 1235)); // the length is signed
        Assert.False(storage.Store.Verify("PUT", putKey, putExp, putSig, "image/png"));
        Assert.False(storage.Store.Verify("PUT", getKey, getExp, getSig, null)); // a read URL cannot write
        Assert.False(storage.Store.Verify("GET", "u/1/other.png", getExp, getSig, null));
        Assert.False(storage.Store.Verify("PUT", putKey, putExp, putSig, "text/html", 1234));
        Assert.False(storage.Store.Verify("GET", getKey, (long.Parse(getExp) + 3600).ToString(), getSig, null));
        Assert.False(storage.Store.Verify("GET", getKey, getExp, getSig[..^1] + (getSig[^1] == 'A' ? 'B' : 'A'), null));
        Assert.False(storage.Store.Verify("GET", getKey, getExp, null, null));

        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.False(storage.Store.Verify("GET", getKey, getExp, getSig, null));
    }

    private static (string Key, string Exp, string Sig) Parse(string url)
    {
        var uri = new Uri(new Uri("http://app.test"), url);
        var query = HttpUtility.ParseQueryString(uri.Query);
        return (uri.AbsolutePath["/files/".Length..], query["exp"]!, query["sig"]!);
    }
}
