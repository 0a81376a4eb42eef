using AdPilot.Core.Storage;

namespace AdPilot.Core.Tests.Storage;

public sealed class CloudFrontPathsTests
{
    [Theory]
    [InlineData("landing-pages/7/index.html", "/landing-pages/7/index.html")]
    [InlineData("/already/slashed.html", "/already/slashed.html")]
    [InlineData("a b/c.html", "/a%20b/c.html")]
    [InlineData("café/menü.html", "/caf%C3%A9/men%C3%BC.html")]
    [InlineData("emoji/😀.png", "/emoji/%F0%9F%98%80.png")]
    [InlineData("x/\"#%<>{}|\\^~[]`.txt", "/x/%22%23%25%3C%3E%7B%7D%7C%5C%5E%7E%5B%5D%60.txt")]
    [InlineData("tab\there", "/tab%09here")]
    [InlineData("keep/;:@=&$+,!'()-_.html", "/keep/;:@=&$+,!'()-_.html")]
    [InlineData("landing-pages/7/*", "/landing-pages/7/*")]
    public void Encode_Key_IsSlashPlusKeyWithOnlyUnsafeCharactersEncoded(string key, string expected) =>
        Assert.Equal(expected, CloudFrontPaths.Encode(key));

    [Fact]
    public void Batches_MoreThanTheLimit_SplitsAt3000AndDropsDuplicates()
    {
        var keys = Enumerable.Range(0, 6001).Select(i => $"k/{i}").Concat(["k/0", "k/6000"]);

        var batches = CloudFrontPaths.Batches(keys).ToList();

        Assert.Equal([3000, 3000, 1], batches.Select(b => b.Count));
        Assert.Equal("/k/0", batches[0][0]);
        Assert.Equal("/k/6000", batches[2][0]);
    }

    [Fact]
    public void Batches_NoKeys_IsEmpty() => Assert.Empty(CloudFrontPaths.Batches([]));
}
