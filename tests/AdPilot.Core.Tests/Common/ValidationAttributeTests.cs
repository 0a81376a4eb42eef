using AdPilot.Core.Common;
using AdPilot.Core.Data;

namespace AdPilot.Core.Tests.Common;

public sealed class ValidationAttributeTests
{
    [Theory]
    [InlineData("UTC", true)]
    [InlineData("Europe/Paris", true)]
    [InlineData("Asia/Shanghai", true)]
    [InlineData("America/Argentina/Buenos_Aires", true)]
    [InlineData("Pacific Standard Time", false)]
    [InlineData("Europe/Atlantis", false)]
    [InlineData("", false)]
    [InlineData("../../etc/passwd", false)]
    public void IanaTimeZone_AcceptsOnlyIanaIds(string id, bool valid) =>
        Assert.Equal(valid, IanaTimeZoneAttribute.IsIana(id));

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("https://example.com/a.png", true)]
    [InlineData("http://example.com/a.png", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("ftp://example.com/a.png", false)]
    [InlineData("/relative.png", false)]
    public void HttpUrl_AcceptsOnlyAbsoluteHttpUrls(string? url, bool valid) =>
        Assert.Equal(valid, new HttpUrlAttribute().IsValid(url));

    [Theory]
    [InlineData(null, true)]
    [InlineData("/campaigns/7", true)]
    [InlineData("/", true)]
    [InlineData("", false)]
    [InlineData("//evil.example/phish", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("https://evil.example", false)]
    [InlineData("javascript:alert(1)", false)]
    public void LocalPath_AcceptsOnlyPathsOnThisSite(string? link, bool valid) =>
        Assert.Equal(valid, new LocalPathAttribute().IsValid(link));

    [Fact]
    public void DatabaseOptions_MySqlWithoutConnectionString_SaysWhatToFix()
    {
        var options = new DatabaseOptions { Provider = DatabaseProvider.MySql };

        var result = Assert.Single(options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));

        Assert.Contains("ConnectionStrings:AdPilot", result.ErrorMessage, StringComparison.Ordinal);
    }
}
