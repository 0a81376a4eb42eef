using AdPilot.Web.Features.Chat;

namespace AdPilot.Web.Tests.Chat;

public sealed class ChatPagesTests
{
    [Theory]
    [InlineData("http://localhost/campaigns/5", "/campaigns/5", "campaign", 5L)]
    [InlineData("http://localhost/campaigns/5?tab=ads#x", "/campaigns/5", "campaign", 5L)]
    [InlineData("http://localhost/ad-sets/12", "/ad-sets/12", "ad_set", 12L)]
    [InlineData("http://localhost/ad-accounts/3", "/ad-accounts/3", "ad_account", 3L)]
    [InlineData("http://localhost/campaigns/new", "/campaigns/new", null, null)]
    [InlineData("http://localhost/campaigns/0", "/campaigns/0", null, null)]
    [InlineData("http://localhost/reports?range=30", "/reports", null, null)]
    public void For_TheCurrentAddress_NamesThePageAndItsEntity(string uri, string path, string? type, long? id)
    {
        var page = ChatPages.For(uri);

        Assert.Equal((path, type, id), (page.Path, page.EntityType, page.EntityId));
    }
}
