using System.Net;
using AdPilot.Web.Tests.Identity;
using AdPilot.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AdPilot.Web.Tests.Api;

public sealed class ApiDocsTests(ProductionFactory production) : IClassFixture<ProductionFactory>
{
    [Theory]
    [InlineData("/docs")]
    [InlineData("/openapi/v1.json")]
    public async Task Docs_InProductionByDefault_NeedASignedInUser(string path)
    {
        var response = await production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/docs")]
    [InlineData("/openapi/v1.json")]
    public async Task Docs_WithPublicDocs_AreAnonymous(string path)
    {
        await using var app = AdPilotFactory.With("Production", new Dictionary<string, string?> { ["Api:PublicDocs"] = "true" });

        var response = await app.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
