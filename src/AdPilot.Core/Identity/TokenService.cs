using System.Security.Claims;
using System.Security.Cryptography;
using AdPilot.Core.Common;
using AdPilot.Core.Data;
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
    TimeProvider clock,
    IOptions<JwtOptions> options)
{
    private readonly JwtOptions _options = options.Value;

    public async Task<TokenPair> IssueAsync(long userId, CancellationToken ct = default)
    {
        var user = await users.GetAsync(userId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var refresh = NewRefreshToken(userId, Guid.NewGuid(), out var refreshValue);
        db.RefreshTokens.Add(refresh);
        await db.SaveChangesAsync(ct);
        return new TokenPair(CreateAccessToken(user), refreshValue, _options.AccessTokenMinutes * 60);
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
            await RevokeFamilyAsync(db, current.FamilyId, now, ct);
            throw new UnauthorizedException("refresh_token_reused", "This refresh token was already used; every session of this sign-in has been signed out.");
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
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.ReplacedByHash, next.TokenHash), ct);
        if (rotated == 0)
        {
            await tx.RollbackAsync(ct);
            await RevokeFamilyAsync(db, current.FamilyId, now, ct);
            throw new UnauthorizedException("refresh_token_reused", "This refresh token was already used; every session of this sign-in has been signed out.");
        }

        db.RefreshTokens.Add(next);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var user = await users.GetAsync(current.UserId, ct);
        return new TokenPair(CreateAccessToken(user), nextValue, _options.AccessTokenMinutes * 60);
    }

    /// <summary>Signs out an API client: the token's whole family stops working. Unknown tokens are ignored.</summary>
    public async Task RevokeAsync(long userId, string refreshToken, CancellationToken ct = default)
    {
        var hash = Hash(refreshToken);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var family = await db.RefreshTokens.Where(t => t.TokenHash == hash && t.UserId == userId).Select(t => (Guid?)t.FamilyId).SingleOrDefaultAsync(ct);
        if (family is { } id)
        {
            await RevokeFamilyAsync(db, id, clock.GetUtcNow().UtcDateTime, ct);
        }
    }

    public string CreateAccessToken(UserProfile user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
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

    private static Task<int> RevokeFamilyAsync(AppDbContext db, Guid familyId, DateTime now, CancellationToken ct) =>
        db.RefreshTokens
            .Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
}
