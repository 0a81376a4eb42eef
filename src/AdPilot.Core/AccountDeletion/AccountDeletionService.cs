using AdPilot.Core.AdAccounts;
using AdPilot.Core.Common;
using AdPilot.Core.Data;
using AdPilot.Core.Email;
using AdPilot.Core.Identity;
using AdPilot.Core.LandingPages;
using AdPilot.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AdPilot.Core.AccountDeletion;

/// <summary>
/// Deletes an account (GDPR art. 17) so that it never half-deletes: platform grants revoked and pending jobs cancelled
/// first, then every row of the user in one transaction with the storage outbox rows, then sign-out everywhere and the
/// confirmation e-mail. Ledger and payment records stay, anonymised (docs/decisions/036).
/// </summary>
public sealed class AccountDeletionService(
    IDbContextFactory<AppDbContext> dbFactory,
    AdAccountService adAccounts,
    IAccountDeletionJobs jobs,
    SessionValidator sessions,
    LandingPagePublisher publisher,
    IEmailSender email,
    TimeProvider clock,
    ILogger<AccountDeletionService> logger)
{
    public const string ConfirmationWord = "DELETE";

    /// <summary>How recent the sign-in must be: deletion cannot be done with a session left open on a shared computer.</summary>
    public static readonly TimeSpan ReauthenticationWindow = TimeSpan.FromMinutes(10);

    public async Task<AccountDeletionResult> DeleteAsync(long userId, DeleteAccountRequest request, DeletionCaller caller, CancellationToken ct = default)
    {
        RequestValidator.Validate(request);
        if (!string.Equals(request.Confirmation, ConfirmationWord, StringComparison.Ordinal))
        {
            throw new ValidationFailedException(
                new Dictionary<string, string[]> { ["confirmation"] = [$"Type {ConfirmationWord} in capital letters to confirm."] },
                $"The confirmation word does not match; type {ConfirmationWord}. Nothing was deleted.", "confirmation_mismatch");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (caller.IsDelegated || caller.SignedInAt is not { } signedIn || now - signedIn > ReauthenticationWindow || signedIn > now + TimeSpan.FromMinutes(1))
        {
            throw new ForbiddenException("reauthentication_required", caller.IsDelegated
                ? "An access token cannot delete the account. Sign in to AdPilot yourself and delete it in Settings > Data & privacy."
                : $"For your protection, sign in again (within the last {ReauthenticationWindow.TotalMinutes:0} minutes) to delete your account. Nothing was deleted.");
        }

        var user = await ReadUserAsync(userId, ct);
        await adAccounts.RevokeAllGrantsAsync(userId, ct);
        await jobs.CancelUserJobsAsync(userId, user.NotificationIds, ct);
        var (queued, kept, publishedKeys) = await DeleteRowsAsync(userId, now, ct);

        await sessions.RevokedAsync(userId);
        publisher.Forget(publishedKeys);
        jobs.DrainStorageOutboxSoon();
        await SendConfirmationAsync(userId, user.Email, user.Language);
        logger.LogInformation("Deleted user {UserId}: {Objects} storage keys queued, {Kept} records kept anonymised", userId, queued, kept);
        return new AccountDeletionResult(now, queued, kept);
    }

    /// <summary>Deletes retained records whose retention period has ended (daily job).</summary>
    public async Task<int> PurgeExpiredRetainedAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<RetainedCreditTransaction>().Where(t => t.RetainUntil < now).ExecuteDeleteAsync(ct)
            + await db.Set<RetainedRechargeOrder>().Where(o => o.RetainUntil < now).ExecuteDeleteAsync(ct);
    }

    private sealed record UserFacts(string Email, string Language, IReadOnlyCollection<long> NotificationIds);

    private async Task<UserFacts> ReadUserAsync(long userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email, u.Language }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("User", userId);
        var pending = await db.Notifications.Where(n => n.UserId == userId && n.EmailStatus == EmailDelivery.Pending).Select(n => n.Id).ToListAsync(ct);
        return new UserFacts(user.Email, user.Language, pending);
    }

    private async Task<(int Queued, int Kept, List<string> PublishedKeys)> DeleteRowsAsync(long userId, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var outbox = await UserStorageKeys.CollectAsync(db, userId, now, ct);
                var published = await db.LandingPages.Where(p => p.UserId == userId && p.PublishedKey != null).Select(p => p.PublishedKey!).ToListAsync(ct);
                var kept = await UserRowsDeletion.AnonymiseRetainedAsync(db, userId, ct);
                await UserRowsDeletion.DeleteAsync(db, userId, ct);
                db.AddRange(outbox);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return (outbox.Count, kept, published);
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or DbUpdateException)
            {
                await tx.RollbackAsync(CancellationToken.None);
                logger.LogError("Deleting user {UserId} failed and was rolled back ({Error})", userId, ex.GetType().Name);
                throw new ConflictException("deletion_failed", "The account could not be deleted; nothing was deleted. Try again in a moment.");
            }
        });
    }

    private async Task SendConfirmationAsync(long userId, string to, string language)
    {
        try
        {
            await email.SendAsync(AccountDeletedEmail.Render(to, language), CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The account is gone either way; the confirmation is a courtesy that must not turn the deletion into an error.
            logger.LogWarning("The deletion confirmation for user {UserId} could not be sent ({Error})", userId, ex.GetType().Name);
        }
    }
}
