using System.Security.Claims;
using System.Security.Cryptography;
using AdPilot.Core.Common;
using AdPilot.Core.Data;
using AdPilot.Core.Identity.Sessions;
using AdPilot.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AdPilot.Core.Identity;

/// <summary>Issues JWT access tokens and rotating refresh tokens, and detects refresh-token reuse.</summary>
public sealed class TokenService(
    IDbContextFactory<AppDbContext> dbFactory,
    UserService users,
    SessionValidator sessions,
    TimeProvider clock,
    IOptions<JwtOptions> options)
{
    private readonly JwtOptions _options = options.Value;

    public Task<TokenPair> IssueAsync(long userId, CancellationToken ct = default) => IssueAsync(userId, SessionClient.Unknown, ct);

    /// <summary>Starts an API session: a refresh-token family, listed with the client's device and place.</summary>
    public async Task<TokenPair> IssueAsync(long userId, SessionClient client, CancellationToken ct = default)
    {
        var user = await users.GetAsync(userId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var refresh = NewRefreshToken(userId, Guid.NewGuid(), out var refreshValue);
        db.RefreshTokens.Add(refresh);
        db.UserSessions.Add(UserSessionService.New(userId, refresh.FamilyId, SessionKind.Api, client, refresh.CreatedAt));
        await db.SaveChangesAsync(ct);
        return new TokenPair(CreateAccessToken(user, refresh.FamilyId, refresh.CreatedAt), refreshValue, _options.AccessTokenMinutes * 60);
    }

    public async Task<TokenPair> RefreshAsync(string refreshToken, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = Hash(refreshToken);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var current = await db.RefreshTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, ct)
            ?? throw new UnauthorizedException("invalid_refresh_token", "The refresh token is not valid.");
        if (current.RevokedAt is not null)
        {
            switch (current.RevokedReason ?? (current.ReplacedByHash is null ? RefreshTokenRevocation.SignedOut : RefreshTokenRevocation.Rotated))
            {
                case RefreshTokenRevocation.SignedOut:
                    throw new UnauthorizedException("refresh_token_revoked", "This sign-in was signed out; sign in again.");
                case RefreshTokenRevocation.Rotated:
                    await RevokeFamilyAsync(db, current.UserId, current.FamilyId, RefreshTokenRevocation.Reused, now, ct);
                    break;
            }

            throw Reused();
        }

        if (current.ExpiresAt <= now)
        {
            throw new UnauthorizedException("refresh_token_expired", "The refresh token has expired; sign in again.");
        }

        var next = NewRefreshToken(current.UserId, current.FamilyId, out var nextValue);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Conditional: of two concurrent uses of one token only one can rotate it; the other is a reuse.
        var rotated = await db.RefreshTokens
            .Where(t => t.Id == current.Id && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.RevokedAt, now)
                .SetProperty(t => t.RevokedReason, RefreshTokenRevocation.Rotated)
                .SetProperty(t => t.ReplacedByHash, next.TokenHash), ct);
        if (rotated == 0)
        {
            await tx.RollbackAsync(ct);
            await RevokeFamilyAsync(db, current.UserId, current.FamilyId, RefreshTokenRevocation.Reused, now, ct);
            throw Reused();
        }

        db.RefreshTokens.Add(next);
        await db.SaveChangesAsync(ct);
        await db.UserSessions.Where(x => x.Id == current.FamilyId && x.UserId == current.UserId).ExecuteUpdateAsync(x => x.SetProperty(v => v.LastUsedAt, now), ct);
        await tx.CommitAsync(ct);
        var user = await users.GetAsync(current.UserId, ct);
        // A refresh is not a sign-in: the family's first token says when the person last signed in.
        var signedInAt = await db.RefreshTokens.Where(t => t.FamilyId == current.FamilyId).MinAsync(t => (DateTime?)t.CreatedAt, ct) ?? current.CreatedAt;
        return new TokenPair(CreateAccessToken(user, current.FamilyId, signedInAt), nextValue, _options.AccessTokenMinutes * 60);
    }

    /// <summary>
    /// Signs out an API client: the whole family of the refresh token, and of the access token's own session
    /// (<paramref name="session"/>), stops working at once, access tokens included. Unknown tokens are ignored.
    /// </summary>
    public async Task RevokeAsync(long userId, string? refreshToken, Guid? session = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        Guid? family = null;
        if (!string.IsNullOrEmpty(refreshToken))
        {
            var hash = Hash(refreshToken);
            family = await db.RefreshTokens.Where(t => t.TokenHash == hash && t.UserId == userId).Select(t => (Guid?)t.FamilyId).SingleOrDefaultAsync(ct);
        }

        foreach (var id in new[] { family, session }.OfType<Guid>().Distinct())
        {
            await RevokeFamilyAsync(db, userId, id, RefreshTokenRevocation.SignedOut, now, ct);
        }
    }

    /// <summary>"Sign out everywhere": every refresh token, access token and browser session of the user ends now.</summary>
    public async Task RevokeAllAsync(long userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.SessionsValidAfter, now), ct);
        await db.RefreshTokens
            .Where(t => t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevokedReason, RefreshTokenRevocation.SignedOut), ct);
        await db.UserSessions.Where(s => s.UserId == userId && s.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), ct);
        await OpenIddictModel.RevokeAllAsync(db, userId, ct);
        await sessions.RevokedAsync(userId);
    }

    /// <param name="signedInAt">When the person signed in (the <c>auth_time</c> claim); now when not given.</param>
    public string CreateAccessToken(UserProfile user, Guid session, DateTime? signedInAt = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var authTime = new DateTimeOffset(signedInAt ?? now, TimeSpan.Zero).ToUnixTimeSeconds();
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(_options.AccessTokenMinutes),
            Subject = new ClaimsIdentity(
            [
                new Claim(AppClaims.UserId, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(AppClaims.Email, user.Email),
                new Claim(AppClaims.Role, user.Role),
                new Claim(AppClaims.Session, session.ToString("N")),
                new Claim(AppClaims.AuthTime, authTime.ToString(System.Globalization.CultureInfo.InvariantCulture), ClaimValueTypes.Integer64),
            ]),
            SigningCredentials = new SigningCredentials(_options.CreateSigningKey(), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    internal static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private RefreshToken NewRefreshToken(long userId, Guid familyId, out string value)
    {
        value = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        return new RefreshToken
        {
            UserId = userId,
            FamilyId = familyId,
            TokenHash = Hash(value),
            CreatedAt = now,
            ExpiresAt = now.AddDays(_options.RefreshTokenDays),
        };
    }

    private static UnauthorizedException Reused() =>
        new("refresh_token_reused", "This refresh token was already used; every session of this sign-in has been signed out.");

    private async Task RevokeFamilyAsync(AppDbContext db, long userId, Guid familyId, RefreshTokenRevocation reason, DateTime now, CancellationToken ct)
    {
        await db.RefreshTokens
            .Where(t => t.UserId == userId && t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevokedReason, reason), ct);
        await db.UserSessions.Where(s => s.UserId == userId && s.Id == familyId && s.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), ct);
        await sessions.RevokedAsync(userId);
    }
}
