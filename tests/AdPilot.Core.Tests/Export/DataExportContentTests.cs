using AdPilot.Core.Tests.Support;
using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using AdPilot.Core.Creatives;
using AdPilot.Core.Data;
using AdPilot.Core.Export;
using AdPilot.Core.LandingPages;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Tests.Export;

/// <summary>What the ZIP holds: every row of the user in every table (found by walking the model), nothing of anyone else, no secret, the files byte for byte.</summary>
public sealed class DataExportContentTests
{
    /// <summary>
    /// Tables that are not anyone's data (configuration, keys, OAuth client registrations, the deletion outbox, anonymised
    /// records): the same list account deletion keeps. Anything else must reach Users.
    /// </summary>
    private static readonly HashSet<string> NotUserData = [.. AdPilot.Core.AccountDeletion.DeletionScope.Global.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunAsync_UserWithDataInEveryTable_ZipHoldsEveryRowOfTheUserAndNoneOfAnother(DatabaseProvider provider)
    {
        await using var h = await ExportHarness.CreateAsync(provider);
        var (a, b, seeder) = await SeedTwoUsersAsync(h);

        await using var db = h.Db.CreateDbContext();
        var tables = UserDataModel.Tables(db.Model);
        var start = await h.Service.StartAsync(a);
        // What the database holds when the job runs (the job adds an export_ready notification after it).
        var counts = tables.ToDictionary(t => t.Name, t => CountAll(db, t.Type.ClrType));
        await h.Service.RunAsync(start.Export.Id);
        var export = await h.Service.GetAsync(a, start.Export.Id);
        using var zip = await h.DownloadAsync(a, export.Id);

        var unreachable = db.Model.GetEntityTypes().Where(t => !t.IsOwned() && tables.All(u => u.Type != t) && !NotUserData.Contains(t.ClrType.Name)).Select(t => t.ShortName());
        Assert.Empty(unreachable); // a table that holds user data must be IOwned or reach Users by a cascading foreign key
        foreach (var table in tables)
        {
            var keyColumns = table.Type.FindPrimaryKey()!.Properties.Select(p => p.Name).ToList();
            var expected = seeder.Rows[(table.Name, a)].ToList();
            var others = seeder.Rows[(table.Name, b)];
            if (table.Type.ClrType == typeof(DataExport))
            {
                expected.Add(export.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            // The seeder's rows are all the database holds: so the ZIP is compared against the database itself.
            Assert.True(expected.Count + others.Count == counts[table.Name], $"{table.Name}: the seeder knows {expected.Count + others.Count} rows, the database holds {counts[table.Name]}");
            var exported = ExportZip.Keys(zip, table.Name, keyColumns);
            Assert.True(expected.Order().SequenceEqual(exported.Order()), $"{table.Name}: expected [{string.Join(", ", expected)}], exported [{string.Join(", ", exported)}]");
            Assert.DoesNotContain(exported, others.Contains);
        }

        var campaigns = ExportZip.Text(zip, "campaigns.json");
        Assert.Contains("\"adSets\"", campaigns);
        Assert.Contains("\"ads\"", campaigns);
        var readme = ExportZip.Text(zip, "README.md");
        Assert.Contains("AdAccounts.AccessTokenCiphertext", readme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SecretsInEveryTable_NoSecretAnywhereInTheZip()
    {
        await using var h = await ExportHarness.CreateAsync();
        var (a, _, seeder) = await SeedTwoUsersAsync(h);
        // A real personal access token too: its plaintext and its stored hash.
        var cache = new Microsoft.Extensions.Caching.Memory.MemoryCache(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions());
        var pat = await new Core.Identity.PersonalAccessTokenService(h.Db, h.Clock, cache, ServiceFactory.Sessions(h.Db, h.Clock))
            .CreateAsync(a, new Core.Identity.CreateAccessTokenRequest { Name = "ci" });
        await using (var db = h.Db.CreateDbContext())
        {
            var hash = await db.PersonalAccessTokens.Where(t => t.UserId == a).Select(t => t.TokenHash).ToListAsync();
            seeder.SecretMarkers.AddRange(hash.Where(x => x is not null)!);
        }

        seeder.SecretMarkers.Add(pat.Secret);
        Assert.NotEmpty(seeder.SecretMarkers);

        var export = await h.ExportAsync(a);
        using var zip = await h.DownloadAsync(a, export.Id);

        foreach (var entry in zip.Entries)
        {
            var text = Encoding.UTF8.GetString(ExportZip.Bytes(zip, entry.FullName));
            foreach (var marker in seeder.SecretMarkers)
            {
                if (text.Contains(marker, StringComparison.Ordinal))
                {
                    Assert.Fail($"{entry.FullName} holds the secret {marker[..Math.Min(8, marker.Length)]}…");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunAsync_CreativesPagesAndAvatar_FilesByteIdenticalAndNoneOfAnother(DatabaseProvider provider)
    {
        await using var h = await ExportHarness.CreateAsync(provider);
        var (a, b, _) = await SeedTwoUsersAsync(h);
        var files = await StoreFilesAsync(h, a);
        var theirs = await StoreFilesAsync(h, b);

        var export = await h.ExportAsync(a);
        using var zip = await h.DownloadAsync(a, export.Id);

        foreach (var (key, bytes) in files)
        {
            Assert.Equal(bytes, ExportZip.Bytes(zip, "files/" + key));
        }

        Assert.Equal(files.Count, export.FileCount);
        Assert.All(theirs.Keys, key => Assert.Null(zip.GetEntry("files/" + key)));
    }

    /// <summary>A creative with a thumbnail, a published page with an image, and an avatar, each with random bytes.</summary>
    private static async Task<Dictionary<string, byte[]>> StoreFilesAsync(ExportHarness h, long userId)
    {
        await using var db = h.Db.CreateDbContext();
        var creative = await db.Creatives.SingleAsync(c => c.UserId == userId);
        var page = await db.LandingPages.SingleAsync(p => p.UserId == userId);
        (creative.StorageKey, creative.ThumbnailKey) = ($"u/{userId}/c/{Guid.NewGuid():N}.png", $"u/{userId}/c/{Guid.NewGuid():N}-thumb.webp");
        page.PublishedKey = LandingPageSlugs.KeyFor(page.Slug);
        await db.SaveChangesAsync();

        var files = new Dictionary<string, byte[]>();
        foreach (var key in new[] { creative.StorageKey, creative.ThumbnailKey, page.PublishedKey, PageImages.Key(page.Id, "hero.png"), $"avatars/{userId}/avatar.webp" })
        {
            files[key] = RandomNumberGenerator.GetBytes(3000 + files.Count);
            await h.Storage.PutAsync(key, new MemoryStream(files[key]), "application/octet-stream");
        }

        return files;
    }

    internal static async Task<(long A, long B, UserDataSeeder Seeder)> SeedTwoUsersAsync(ExportHarness h)
    {
        var a = await Seed.UserAsync(h.Db, "export-a@example.com");
        var b = await Seed.UserAsync(h.Db, "export-b@example.com");
        var seeder = new UserDataSeeder(h.Db, h.Clock.GetUtcNow().UtcDateTime);
        await seeder.SeedAsync(a);
        await seeder.SeedAsync(b);
        await using var db = h.Db.CreateDbContext();
        await db.DataExports.ExecuteUpdateAsync(s => s.SetProperty(e => e.InProgress, (bool?)null).SetProperty(e => e.Status, DataExportStatus.Failed));
        return (a, b, seeder);
    }

    private static int CountAll(AppDbContext db, Type entity) =>
        (int)typeof(DataExportContentTests).GetMethod(nameof(Count), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(entity).Invoke(null, [db])!;

    private static int Count<T>(AppDbContext db) where T : class => db.Set<T>().Count();
}
