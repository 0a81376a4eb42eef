using System.Security.Cryptography;
using AdPilot.Core.AdAccounts;
using AdPilot.Core.Creatives;
using AdPilot.Core.Data;
using AdPilot.Core.Storage;
using AdPilot.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Bench.Export;

/// <summary>One user with an ad account, many metric rows (one INSERT … SELECT) and creatives of random bytes on disk.</summary>
internal static class BenchSeed
{
    public static async Task<long> AccountAsync(IDbContextFactory<AppDbContext> dbFactory, IObjectStorage storage, BenchOptions options)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        var now = DateTime.UtcNow;
        var user = new User { AuthProvider = AuthProviders.Dev, Subject = "bench", Email = "bench@example.com", CreatedAt = now, UpdatedAt = now, LastSignInAt = now };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        var account = new AdAccount { UserId = user.Id, PlatformAccountId = "bench", Name = "Bench", CreatedAt = now, UpdatedAt = now };
        db.AdAccounts.Add(account);
        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlAsync($"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {options.Rows})
            INSERT INTO ReportMetrics (UserId, AdAccountId, CampaignId, AdSetId, AdId, Date, Spend, Impressions, Clicks, Conversions, Revenue, Currency, UpdatedAt)
            SELECT {user.Id}, {account.Id}, 1 + i / 100000, 1 + i / 10000, 1 + i / 1000, date('2020-01-01', '+' || (i % 1000) || ' days'),
                   i * 100, i * 10, i, i % 7, i * 300, 'USD', '2026-01-01 00:00:00'
            FROM n
            """);

        var buffer = new byte[1024 * 1024];
        for (var i = 0; i < Math.Max(1, options.CreativesMb / options.FileMb); i++)
        {
            var key = $"u/{user.Id}/c/bench{i}.mp4";
            var path = Path.Combine(Path.GetTempPath(), $"adpilot-bench-file-{Guid.NewGuid():N}");
            await using (var file = File.Create(path))
            {
                for (var mb = 0; mb < options.FileMb; mb++)
                {
                    RandomNumberGenerator.Fill(buffer);
                    await file.WriteAsync(buffer);
                }
            }

            await using (var file = File.OpenRead(path))
            {
                await storage.PutAsync(key, file, "video/mp4");
            }

            File.Delete(path);
            db.Creatives.Add(new Creative
            {
                UserId = user.Id, Name = $"bench {i}", Type = CreativeType.Video, StorageKey = key, ContentType = "video/mp4",
                FileSize = options.FileMb * 1024L * 1024, CreatedAt = now, UpdatedAt = now,
            });
        }

        await db.SaveChangesAsync();
        return user.Id;
    }
}
