using AdPilot.Core.Credits;
using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AdPilot.Core.Notifications;

/// <summary>Raises credit_low (important) and credit_critical (urgent) once per crossing: the crossing entry is the dedupe key.</summary>
public sealed class CreditBalanceNotifier(
    IDbContextFactory<AppDbContext> dbFactory,
    NotificationService notifications,
    ILogger<CreditBalanceNotifier> logger) : IBalanceAlerts
{
    public async Task BalanceCrossedAsync(BalanceCrossing crossing, CancellationToken ct)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var language = await db.Users.Where(u => u.Id == crossing.UserId).Select(u => u.Language).SingleAsync(ct);
            var critical = crossing.Level == BalanceLevel.Critical;
            var category = critical ? NotificationCategories.CreditCritical : NotificationCategories.CreditLow;
            var (title, body) = NotificationTexts.For(category, language, crossing.Balance.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
                crossing.Threshold.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture));
            await notifications.CreateAsync(crossing.UserId, new CreateNotificationRequest
            {
                Type = critical ? NotificationType.Urgent : NotificationType.Important,
                Category = category,
                Title = title,
                Body = body,
                Link = "/billing",
                DedupeKey = $"{category}:tx{crossing.TransactionId}",
            }, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not raise the {Level} balance notification for user {UserId}", crossing.Level, crossing.UserId);
        }
    }
}
