using System.Security.Cryptography;
using AdPilot.Core.Common;
using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.Tokens;

namespace AdPilot.Core.Identity;

/// <summary>
/// Personal access tokens: created in Settings, shown once, stored hashed, listed with last use, revocable. A node
/// remembers a valid token for <see cref="SessionValidator.SnapshotLifetime"/> at most; a revocation drops it at once on
/// this node and on the others through <see cref="SessionValidator"/>'s revocation messages.
/// </summary>
public sealed class PersonalAccessTokenService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, IMemoryCache cache, SessionValidator sessions)
{
    public const string TokenPrefix = "adp_pat_";
    public const int MaxNameLength = 100;
    public const int MaxLifetimeDays = 366;
    public const int MaxActivePerUser = 50;

    // Writing the last-use time on every request would turn each read into a write; a minute is precise enough.
    private static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    public static bool LooksLikeToken(string? value) => value is not null && value.StartsWith(TokenPrefix, StringComparison.Ordinal);

    public async Task<CreatedAccessToken> CreateAsync(long userId, CreateAccessTokenRequest request, CancellationToken ct = default)
    {
        RequestValidator.Validate(request);
        for (var i = 0; i < request.Scopes.Count; i++)
        {
            if (!AccessScopes.All.Contains(request.Scopes[i]))
            {
                throw ValidationFailedException.For($"scopes[{i}]", "Use \"read\" or \"write\".");
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var active = await db.Set<PersonalAccessToken>()
            .CountAsync(t => t.UserId == userId && t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now), ct);
        if (active >= MaxActivePerUser)
        {
            throw new ConflictException("too_many_tokens", $"You have {MaxActivePerUser} active tokens. Revoke one you no longer use first.");
        }

        var secret = TokenPrefix + Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var token = new PersonalAccessToken
        {
            UserId = userId,
            Name = request.Name.Trim(),
            Prefix = secret[..(TokenPrefix.Length + 4)],
            TokenHash = Hash(secret),
            Scopes = AccessScopes.Normalize(request.Scopes),
            CreatedAt = now,
            ExpiresAt = request.ExpiresInDays is { } days ? now.AddDays(days) : null,
        };
        db.Add(token);
        await db.SaveChangesAsync(ct);
        return new CreatedAccessToken(View(token, now), secret);
    }

    public async Task<IReadOnlyList<AccessTokenView>> ListAsync(long userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tokens = await db.Set<PersonalAccessToken>().AsNoTracking()
            .Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .ToListAsync(ct);
        return tokens.Select(t => View(t, now)).ToList();
    }

    public async Task RevokeAsync(long userId, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.Set<PersonalAccessToken>().SingleOrDefaultAsync(t => t.Id == id && t.UserId == userId, ct)
            ?? throw new NotFoundException("Access token", id);
        token.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await sessions.RevokedAsync(userId);
    }

    /// <summary>The identity behind a presented token, or null when it is unknown, revoked or expired.</summary>
    public async Task<AccessTokenIdentity?> AuthenticateAsync(string secret, CancellationToken ct = default)
    {
        if (!LooksLikeToken(secret) || secret.Length > 100)
        {
            return null;
        }

        var hash = Hash(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        if (cache.TryGetValue(CacheKey(hash), out Remembered? remembered) && remembered is not null && remembered.ValidUntil > now)
        {
            return remembered.Identity;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.Set<PersonalAccessToken>().AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (token is null || !token.IsActive(now))
        {
            return null;
        }

        if (token.LastUsedAt is not { } last || now - last >= LastUseResolution)
        {
            var staleBefore = now - LastUseResolution;
            await db.Set<PersonalAccessToken>()
                .Where(t => t.Id == token.Id && (t.LastUsedAt == null || t.LastUsedAt < staleBefore))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
        }

        var identity = new AccessTokenIdentity(token.UserId, token.Id, token.Name, token.Scopes);
        var validUntil = token.ExpiresAt is { } expires && expires < now + SessionValidator.SnapshotLifetime ? expires : now + SessionValidator.SnapshotLifetime;
        using (var entry = cache.CreateEntry(CacheKey(hash)))
        {
            entry.Value = new Remembered(identity, validUntil);
            entry.AbsoluteExpirationRelativeToNow = SessionValidator.SnapshotLifetime;
            entry.AddExpirationToken(sessions.RevocationToken(token.UserId));
        }

        return identity;
    }

    private sealed record Remembered(AccessTokenIdentity Identity, DateTime ValidUntil);

    private static string CacheKey(string hash) => "pat:" + hash;

    private static AccessTokenView View(PersonalAccessToken t, DateTime now) =>
        new(t.Id, t.Name, t.Prefix, t.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt, t.IsActive(now));

    private static string Hash(string secret) => TokenService.Hash(secret);
}
