using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.Web.Tests.Support;

public static class BearerClients
{
    /// <summary>A client with a bearer token minted through the services, so signing in sends no request (and uses up no limit).</summary>
    public static async Task<HttpClient> CreateBearerClientAsync(this AdPilotFactory app, string email)
    {
        var client = app.CreateClient();
        var users = app.Services.GetRequiredService<AdPilot.Core.Users.UserService>();
        var tokens = app.Services.GetRequiredService<AdPilot.Core.Identity.TokenService>();
        var user = await users.SignInAsync(new AdPilot.Core.Users.ExternalIdentity("dev", email, email, null, null));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await tokens.IssueAsync(user.Id)).AccessToken);
        return client;
    }
}
