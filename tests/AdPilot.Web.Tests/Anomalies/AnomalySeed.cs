using AdPilot.Core.Anomalies;
using AdPilot.Core.Data;
using AdPilot.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Web.Tests.Anomalies;

/// <summary>Anomaly episodes written straight to the database: what the hourly run would have stored.</summary>
internal static class AnomalySeed
{
    public static async Task<Anomaly> EpisodeAsync(
        IDbContextFactory<AppDbContext> dbFactory, long userId, long adAccountId, long? campaignId = null, string type = AnomalyTypes.SpendPacing, bool resolved = false)
    {
        var now = new DateTime(2026, 11, 26, 17, 0, 0, DateTimeKind.Utc);
        var episode = new Anomaly
        {
            UserId = userId, AdAccountId = adAccountId, CampaignId = campaignId, EntityName = campaignId is null ? "Simulated Store" : "Spring Sale 1", Type = type,
            Severity = NotificationType.Urgent, Day = new DateOnly(2026, 11, 26), Currency = "USD", Observed = 412.5m, Expected = 100m, ExpectedLow = 59.2m,
            ExpectedHigh = 168.9m, StartedAt = now, LastSeenAt = now, ResolvedAt = resolved ? now.AddHours(2) : null,
        };
        await using var db = await dbFactory.CreateDbContextAsync();
        db.Anomalies.Add(episode);
        await db.SaveChangesAsync();
        return episode;
    }
}
