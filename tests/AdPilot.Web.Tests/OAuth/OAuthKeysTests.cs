using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using AdPilot.Core.Identity;
using AdPilot.Web.Features.OAuth;
using AdPilot.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace AdPilot.Web.Tests.OAuth;

public sealed class OAuthKeysTests
{
    private static readonly string SharedKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Keys_FromTheSameJwtKey_AreTheSame_AndFromAnotherDiffer()
    {
        var jwt = new JwtOptions { SigningKey = SharedKey };
        var other = new JwtOptions { SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };

        Assert.Equal(PublicKey(jwt), PublicKey(new JwtOptions { SigningKey = SharedKey }));
        Assert.NotEqual(PublicKey(jwt), PublicKey(other));
        Assert.Equal(OAuthKeys.Encryption(jwt).Key.KeyId, OAuthKeys.Encryption(new JwtOptions { SigningKey = SharedKey }).Key.KeyId);
        Assert.NotEqual(OAuthKeys.Encryption(jwt).Key.KeyId, OAuthKeys.Encryption(other).Key.KeyId);
    }

    [Fact]
    public async Task AccessToken_FromOneNode_IsAcceptedByAnotherSharingTheKey_AndRefusedWithAnotherKey()
    {
        var database = Path.Combine(Path.GetTempPath(), "adpilot-oauth-nodes-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            await NodesShareTokensAsync(database);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private static async Task NodesShareTokensAsync(string database)
    {
        await using var first = Node(database, SharedKey);
        var tokens = await first.AuthorizeAsync("oauth-nodes@example.com");
        await using var second = Node(database, SharedKey);
        await using var rotated = Node(database, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

        await using (var client = await second.ConnectMcpAsync(tokens.AccessToken))
        {
            await client.SucceedsAsync("list_ad_accounts");
        }

        using var http = rotated.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        http.DefaultRequestHeaders.Accept.ParseAdd("text/event-stream");
        using var refused = await http.PostAsJsonAsync("/mcp", new { jsonrpc = "2.0", id = 1, method = "tools/list" });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private static AdPilotFactory Node(string database, string jwtKey) => AdPilotFactory.With(settings: new Dictionary<string, string?>
    {
        ["ConnectionStrings:AdPilot"] = $"Data Source={database}",
        ["Auth:Jwt:SigningKey"] = jwtKey,
        ["RateLimit:ClientRegistrationsPerMinute"] = "1000",
    });

    private static string PublicKey(JwtOptions jwt) =>
        Convert.ToBase64String(((ECDsaSecurityKey)OAuthKeys.Signing(jwt).Key).ECDsa.ExportSubjectPublicKeyInfo());
}
