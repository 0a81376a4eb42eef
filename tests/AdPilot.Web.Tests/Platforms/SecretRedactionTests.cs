using AdPilot.Core.Platforms;

namespace AdPilot.Web.Tests.Platforms;

public sealed class SecretRedactionTests
{
    [Theory]
    [InlineData("https://graph.facebook.com/v26.0/me/adaccounts?fields=id&access_token=EAAB123&appsecret_proof=abc", "https://graph.facebook.com/v26.0/me/adaccounts?fields=id&access_token=***&appsecret_proof=***")]
    [InlineData("/oauth/access_token?grant_type=fb_exchange_token&client_secret=s3&fb_exchange_token=EAAS", "/oauth/access_token?grant_type=fb_exchange_token&client_secret=***&fb_exchange_token=***")]
    [InlineData("grant_type=refresh_token&refresh_token=1%2F%2Fabc&client_id=id", "grant_type=refresh_token&refresh_token=***&client_id=id")]
    [InlineData("?app_id=1&secret=shh", "?app_id=1&secret=***")]
    [InlineData("""{"app_id":"1","secret":"shh","auth_code":"c0de"}""", """{"app_id":"1","secret":"***","auth_code":"***"}""")]
    [InlineData("/v25/customers/123/googleAds:searchStream", "/v25/customers/123/googleAds:searchStream")]
    public void Redact_MasksCredentialValues(string input, string expected) =>
        Assert.Equal(expected, SecretRedaction.Redact(input));

    [Fact]
    public void Redact_LeavesLookalikeNamesAlone() =>
        Assert.Equal("?my_access_token_count=3&secretary=bob", SecretRedaction.Redact("?my_access_token_count=3&secretary=bob"));

    [Fact]
    public void Redact_NullAndEmpty_AreEmpty()
    {
        Assert.Equal("", SecretRedaction.Redact((string?)null));
        Assert.Equal("", SecretRedaction.Redact((Uri?)null));
    }
}
