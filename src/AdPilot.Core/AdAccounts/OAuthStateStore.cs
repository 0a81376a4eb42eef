using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;

namespace AdPilot.Core.AdAccounts;

/// <summary>
/// The pending binding behind an OAuth <c>state</c>: who started it, for which platform, the PKCE verifier. Held in the
/// distributed cache (Redis with several nodes) for 10 minutes and usable once.
/// </summary>
public sealed class OAuthStateStore(IDistributedCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public sealed record Pending(long UserId, AdPlatformKind Platform, string? CodeVerifier, string RedirectUri, long? ReauthorizeAccountId);

    public async Task<string> SaveAsync(Pending pending, CancellationToken ct)
    {
        var state = RandomToken();
        await cache.SetStringAsync(Key(state), JsonSerializer.Serialize(pending), new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime }, ct);
        return state;
    }

    /// <summary>Returns and forgets the pending binding; a second use of the same state finds nothing.</summary>
    public async Task<Pending?> TakeAsync(string state, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(state) || state.Length > 100)
        {
            return null;
        }

        var json = await cache.GetStringAsync(Key(state), ct);
        if (json is null)
        {
            return null;
        }

        await cache.RemoveAsync(Key(state), ct);
        return JsonSerializer.Deserialize<Pending>(json);
    }

    public static string RandomToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Challenge(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Key(string state) => "adpilot:oauth-state:" + state;
}
