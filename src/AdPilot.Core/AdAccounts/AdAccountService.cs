using AdPilot.Core.Common;
using AdPilot.Core.Data;
using AdPilot.Core.Notifications;
using AdPilot.Core.Platforms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AdPilot.Core.AdAccounts;

/// <summary>
/// Binding ad accounts by OAuth (state + PKCE), the encrypted token vault, unbinding, the active account, and token
/// refresh with re-authorisation notices. Every call is scoped to the user; another user's account is "not found".
/// </summary>
public sealed class AdAccountService(
    IDbContextFactory<AppDbContext> dbFactory,
    AdPlatforms platforms,
    TokenVault vault,
    OAuthStateStore states,
    NotificationService notifications,
    TimeProvider clock,
    ILogger<AdAccountService> logger)
{
    /// <summary>Tokens expiring within this window are refreshed by the daily check (P3).</summary>
    public static readonly TimeSpan RefreshWindow = TimeSpan.FromHours(24);

    /// <summary>The UI warns about tokens expiring within this window.</summary>
    public static readonly TimeSpan WarnWindow = TimeSpan.FromDays(7);

    public IReadOnlyList<PlatformView> Platforms() =>
        Enum.GetValues<AdPlatformKind>()
            .Select(k => new PlatformView(PlatformNames.Slug(k), PlatformNames.Of(k), platforms.IsAvailable(k), platforms.IsAvailable(k) && platforms.Get(k).SupportsPkce))
            .ToList();

    /// <summary>Starts binding (or re-authorising <paramref name="reauthorizeAccountId"/>): returns the platform's consent URL.</summary>
    public async Task<ConnectResult> ConnectAsync(long userId, AdPlatformKind kind, Uri callbackUri, long? reauthorizeAccountId = null, CancellationToken ct = default)
    {
        var platform = platforms.Get(kind);
        if (reauthorizeAccountId is { } id)
        {
            var account = await FindAsync(userId, id, ct);
            if (account.Platform != kind)
            {
                throw ValidationFailedException.For("platform", "The account belongs to another platform.");
            }
        }

        var verifier = platform.SupportsPkce ? OAuthStateStore.RandomToken() : null;
        var state = await states.SaveAsync(new OAuthStateStore.Pending(userId, kind, verifier, callbackUri.ToString(), reauthorizeAccountId), ct);
        return new ConnectResult(platform.BuildAuthorizeUrl(new AuthorizeRequest(callbackUri, state, verifier is null ? null : OAuthStateStore.Challenge(verifier))));
    }

    /// <summary>
    /// Finishes binding: checks the state (one use, same user, same platform), exchanges the code, seals the tokens and
    /// adds or updates every ad account the grant reaches. The first account bound becomes the active one.
    /// </summary>
    public async Task<IReadOnlyList<AdAccountView>> CompleteAsync(long userId, AdPlatformKind kind, string? code, string? state, string? error, CancellationToken ct = default)
    {
        var pending = await states.TakeAsync(state ?? "", ct);
        if (pending is null || pending.UserId != userId || pending.Platform != kind)
        {
            throw new ConflictException("invalid_state", "This authorisation link is invalid or expired. Start binding again.");
        }

        if (!string.IsNullOrEmpty(error) || string.IsNullOrEmpty(code))
        {
            throw new ConflictException("consent_denied", $"{PlatformNames.Of(kind)} did not grant access{(string.IsNullOrEmpty(error) ? "" : $" ({error})")}.");
        }

        var platform = platforms.Get(kind);
        var tokens = await Call(() => platform.ExchangeCodeAsync(new CodeExchange(code, new Uri(pending.RedirectUri), pending.CodeVerifier), ct));
        var found = await Call(() => platform.ListAdAccountsAsync(tokens.AccessToken, ct));
        if (found.Count == 0)
        {
            throw new ConflictException("no_ad_accounts", $"The {PlatformNames.Of(kind)} user has no ad accounts to bind.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.AdAccounts.Where(a => a.UserId == userId && a.Platform == kind).ToDictionaryAsync(a => a.PlatformAccountId, ct);
        var hasActive = await db.AdAccounts.AnyAsync(a => a.UserId == userId && a.IsActive, ct);
        var bound = new List<AdAccount>();
        foreach (var remote in found)
        {
            if (!existing.TryGetValue(remote.Id, out var account))
            {
                account = new AdAccount { UserId = userId, Platform = kind, PlatformAccountId = remote.Id, CreatedAt = now };
                db.AdAccounts.Add(account);
            }

            account.Name = remote.Name;
            account.Currency = remote.Currency;
            account.TimeZone = remote.TimeZone;
            account.Status = AdAccountStatus.Active;
            account.UpdatedAt = now;
            Store(account, tokens);
            if (!hasActive)
            {
                account.IsActive = hasActive = true;
            }

            bound.Add(account);
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("User {UserId} bound {Count} {Platform} ad accounts", userId, bound.Count, kind);
        return bound.Select(View).ToList();
    }

    public async Task<IReadOnlyList<AdAccountView>> ListAsync(long userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var accounts = await db.AdAccounts.AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.Platform).ThenBy(a => a.Name).ThenBy(a => a.Id).ToListAsync(ct);
        return accounts.Select(View).ToList();
    }

    public async Task<AdAccountView> GetAsync(long userId, long id, CancellationToken ct = default) => View(await FindAsync(userId, id, ct));

    /// <summary>Revokes the grant where the platform supports it, deletes the tokens and the account (and what hangs off it).</summary>
    public async Task UnbindAsync(long userId, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await db.AdAccounts.SingleOrDefaultAsync(a => a.Id == id && a.UserId == userId, ct) ?? throw new NotFoundException("AdAccount", id);
        if (TryOpen(account) is { } tokens && platforms.IsAvailable(account.Platform)
            && !await db.AdAccounts.AnyAsync(a => a.UserId == userId && a.Platform == account.Platform && a.Id != id && a.Status == AdAccountStatus.Active, ct))
        {
            // One grant covers all the user's accounts on a platform: revoke it only with the last of them.
            try
            {
                await platforms.Get(account.Platform).RevokeAsync(tokens, ct);
            }
            catch (PlatformException ex)
            {
                logger.LogWarning("Revoking the {Platform} grant of account {AccountId} failed ({Kind}); the tokens are deleted anyway", account.Platform, id, ex.Kind);
            }
        }

        db.AdAccounts.Remove(account);
        if (account.IsActive && await db.AdAccounts.Where(a => a.UserId == userId && a.Id != id).OrderBy(a => a.Id).FirstOrDefaultAsync(ct) is { } next)
        {
            next.IsActive = true;
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Before an account is deleted: revokes every platform grant of the user (one per platform and grant). A failing
    /// revocation is logged without its tokens and does not stop the deletion; the tokens are deleted with the rows.
    /// </summary>
    public async Task<int> RevokeAllGrantsAsync(long userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var accounts = await db.AdAccounts.AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.Id).ToListAsync(ct);
        var revoked = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var account in accounts)
        {
            if (!platforms.IsAvailable(account.Platform) || TryOpen(account) is not { } tokens
                || !seen.Add(account.Platform + "\n" + (tokens.RefreshToken ?? tokens.AccessToken)))
            {
                continue;
            }

            try
            {
                await platforms.Get(account.Platform).RevokeAsync(tokens, ct);
                revoked++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Revoking the {Platform} grant of account {AccountId} before deleting the user failed ({Error}); the tokens are deleted anyway",
                    account.Platform, account.Id, ex is PlatformException p ? p.Kind.ToString() : ex.GetType().Name);
            }
        }

        return revoked;
    }

    public async Task<AdAccountView> SetActiveAsync(long userId, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await db.AdAccounts.SingleOrDefaultAsync(a => a.Id == id && a.UserId == userId, ct) ?? throw new NotFoundException("AdAccount", id);
        await db.AdAccounts.Where(a => a.UserId == userId && a.Id != id && a.IsActive).ExecuteUpdateAsync(s => s.SetProperty(a => a.IsActive, false), ct);
        account.IsActive = true;
        account.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return View(account);
    }

    /// <summary>Refreshes one account's grant now; when the platform refuses, the account needs re-authorisation.</summary>
    public async Task<AdAccountView> RefreshTokenAsync(long userId, long id, CancellationToken ct = default)
    {
        await FindAsync(userId, id, ct);
        await RefreshOneAsync(id, ct);
        return await GetAsync(userId, id, ct);
    }

    /// <summary>The daily token check (P3, P4): every bound account whose token expires within 24 h is refreshed.</summary>
    public async Task<RefreshSummary> RefreshExpiringAsync(CancellationToken ct = default)
    {
        var due = clock.GetUtcNow().UtcDateTime + RefreshWindow;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await db.AdAccounts.Where(a => a.Status == AdAccountStatus.Active && a.TokenExpiresAt != null && a.TokenExpiresAt <= due)
            .Select(a => a.Id).ToListAsync(ct);
        var refreshed = 0;
        foreach (var id in ids)
        {
            refreshed += await RefreshOneAsync(id, ct) ? 1 : 0;
        }

        return new RefreshSummary(ids.Count, refreshed, ids.Count - refreshed);
    }

    /// <summary>The platform and the opened grant for acting on an account (campaign sync, reports).</summary>
    public async Task<(IAdPlatform Platform, PlatformAccess Access)> AccessAsync(long userId, long id, CancellationToken ct = default)
    {
        var account = await FindAsync(userId, id, ct);
        if (account.Status != AdAccountStatus.Active || TryOpen(account) is not { } tokens)
        {
            throw new ConflictException("reauth_required", $"The ad account \"{account.Name}\" needs to be re-authorised before AdPilot can act on it.");
        }

        return (platforms.Get(account.Platform), new PlatformAccess(account.PlatformAccountId, tokens.AccessToken));
    }

    /// <summary>Marks the account as needing re-authorisation and raises the urgent notice once per episode (P4).</summary>
    public async Task MarkNeedsReauthAsync(long accountId, string reason, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await db.AdAccounts.SingleAsync(a => a.Id == accountId, ct);
        account.Status = AdAccountStatus.NeedsReauth;
        account.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        var language = await db.Users.Where(u => u.Id == account.UserId).Select(u => u.Language).SingleAsync(ct);
        var (title, body) = NotificationTexts.For(NotificationCategories.TokenExpired, language, PlatformNames.Of(account.Platform), account.Name, reason);
        // The episode is the grant that failed: retries of the same grant share the key; a new grant starts a new episode.
        var episode = account.TokenExpiresAt?.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
        await notifications.CreateAsync(account.UserId, new CreateNotificationRequest
        {
            Type = NotificationType.Urgent,
            Category = NotificationCategories.TokenExpired,
            Title = title,
            Body = body,
            Link = "/ad-accounts",
            DedupeKey = $"token_expired:{account.Id}:{episode}",
        }, ct);
    }

    private async Task<bool> RefreshOneAsync(long id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await db.AdAccounts.SingleAsync(a => a.Id == id, ct);
        try
        {
            var current = TryOpen(account) ?? throw new PlatformException(PlatformErrorKind.AuthExpired, "The stored grant cannot be opened.");
            var tokens = await platforms.Get(account.Platform).RefreshAsync(current, ct);
            Store(account, tokens);
            account.Status = AdAccountStatus.Active;
            account.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (PlatformException ex) when (ex.Kind == PlatformErrorKind.AuthExpired)
        {
            logger.LogWarning("Refreshing the token of ad account {AccountId} failed: the grant is no longer valid", id);
            await MarkNeedsReauthAsync(id, ex.PlatformMessage, ct);
            return false;
        }
        catch (PlatformException ex)
        {
            // Throttled or down: the account keeps working until expiry and the next check tries again.
            logger.LogWarning("Refreshing the token of ad account {AccountId} failed ({Kind}); will retry", id, ex.Kind);
            return false;
        }
        catch (ConflictException ex) when (ex.Code == "platform_not_configured")
        {
            await MarkNeedsReauthAsync(id, ex.Message, ct);
            return false;
        }
    }

    private void Store(AdAccount account, PlatformTokens tokens)
    {
        var access = vault.Seal(tokens.AccessToken, account.UserId);
        account.AccessTokenCiphertext = access.Ciphertext;
        account.RefreshTokenCiphertext = tokens.RefreshToken is null ? null : vault.Seal(tokens.RefreshToken, account.UserId).Ciphertext;
        account.TokenKeyId = access.KeyId;
        account.TokenExpiresAt = tokens.ExpiresAt;
    }

    private PlatformTokens? TryOpen(AdAccount account)
    {
        if (account.AccessTokenCiphertext is null || account.TokenKeyId is null)
        {
            return null;
        }

        try
        {
            return new PlatformTokens(
                vault.Open(account.AccessTokenCiphertext, account.TokenKeyId, account.UserId),
                account.RefreshTokenCiphertext is null ? null : vault.Open(account.RefreshTokenCiphertext, account.TokenKeyId, account.UserId),
                account.TokenExpiresAt);
        }
        catch (TokenVaultException ex)
        {
            logger.LogError("The tokens of ad account {AccountId} cannot be opened: {Reason}", account.Id, ex.Message);
            return null;
        }
    }

    private async Task<AdAccount> FindAsync(long userId, long id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AdAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.UserId == userId, ct) ?? throw new NotFoundException("AdAccount", id);
    }

    /// <summary>Platform failures during binding become ProblemDetails-ready errors with the platform's reason.</summary>
    private static async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (PlatformException ex)
        {
            throw new ConflictException(ex.Kind == PlatformErrorKind.RateLimited ? "platform_rate_limited" : "platform_error", ex.PlatformMessage);
        }
    }

    private AdAccountView View(AdAccount a)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var tokenState = a.Status == AdAccountStatus.NeedsReauth ? "needs_reauth"
            : a.TokenExpiresAt is { } expires && expires <= now ? "expired"
            : a.TokenExpiresAt is { } soon && soon <= now + WarnWindow ? "expiring"
            : "ok";
        return new AdAccountView(a.Id, PlatformNames.Slug(a.Platform), a.PlatformAccountId, a.Name, a.Currency, a.TimeZone, StatusName(a.Status), a.IsActive,
            tokenState, a.TokenExpiresAt, a.LastSyncedAt, a.CreatedAt);
    }

    private static string StatusName(AdAccountStatus status) => status switch
    {
        AdAccountStatus.NeedsReauth => "needs_reauth",
        AdAccountStatus.Disconnected => "disconnected",
        _ => "active",
    };
}
