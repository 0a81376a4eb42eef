using System.Text.Json;
using System.Text.Json.Nodes;
using AdPilot.Core.Common;
using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Credits;

public sealed record CreditConfigView(int Version, CreditSettings Settings, DateTime CreatedAt, string? CreatedBy);

public sealed record CreditConfigChangeView(int Version, string AdminEmail, string Field, string? OldValue, string? NewValue, DateTime ChangedAt);

/// <summary>
/// Versioned credit configuration. Versions are immutable: an admin change writes the next version and one change
/// log entry per field; charges record the version and rates they used, so changes are never retroactive.
/// </summary>
public sealed class CreditConfigService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>How long this node trusts its cached version before asking the database again: an update made here
    /// applies at once, one made on another node within this time.</summary>
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(2);

    private volatile CreditConfigView? _current;
    private long _checkedAtTicks;

    public async Task<CreditConfigView> GetCurrentAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcTicks;
        if (_current is { } fresh && now - Interlocked.Read(ref _checkedAtTicks) < Freshness.Ticks)
        {
            return fresh;
        }

        Interlocked.Exchange(ref _checkedAtTicks, now);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var latest = await db.CreditConfigs.OrderByDescending(c => c.Version).Select(c => c.Version).FirstOrDefaultAsync(ct);
        if (_current is { } cached && cached.Version == latest)
        {
            return cached;
        }

        if (latest == 0)
        {
            return _current = await SeedAsync(db, ct);
        }

        var row = await db.CreditConfigs.AsNoTracking().SingleAsync(c => c.Version == latest, ct);
        return _current = ToView(row);
    }

    /// <summary>The fields a save would change, for a confirmation step (empty: nothing to save).</summary>
    public static IReadOnlyList<CreditConfigChangeView> Preview(CreditSettings current, CreditSettings proposed) =>
        Diff(Flatten(current), Flatten(proposed)).Select(c => new CreditConfigChangeView(0, "", c.Field, c.Old, c.New, default)).ToList();

    public async Task<CreditConfigView> UpdateAsync(long adminUserId, string adminEmail, CreditSettings settings, CancellationToken ct = default)
    {
        RequestValidator.Validate(settings);
        var current = await GetCurrentAsync(ct);
        var changes = Diff(Flatten(current.Settings), Flatten(settings));
        if (changes.Count == 0)
        {
            return current;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var next = new CreditConfig { Version = current.Version + 1, SettingsJson = JsonSerializer.Serialize(settings, Json), CreatedByUserId = adminUserId, CreatedAt = now };
        db.CreditConfigs.Add(next);
        db.CreditConfigChanges.AddRange(changes.Select(c => new CreditConfigChange
        {
            Version = next.Version, AdminUserId = adminUserId, AdminEmail = adminEmail, Field = c.Field, OldValue = c.Old, NewValue = c.New, ChangedAt = now,
        }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException("config_changed", "Someone else changed the credit config at the same time. Reload and apply your change again.");
        }

        return _current = ToView(next);
    }

    public async Task<Paged<CreditConfigChangeView>> HistoryAsync(int page, int pageSize, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 200);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var total = await db.CreditConfigChanges.CountAsync(ct);
        var items = await db.CreditConfigChanges.OrderByDescending(c => c.Version).ThenBy(c => c.Field)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new CreditConfigChangeView(c.Version, c.AdminEmail, c.Field, c.OldValue, c.NewValue, c.ChangedAt))
            .ToListAsync(ct);
        return new Paged<CreditConfigChangeView>(items, page, pageSize, total);
    }

    private async Task<CreditConfigView> SeedAsync(AppDbContext db, CancellationToken ct)
    {
        var seed = new CreditConfig { Version = 1, SettingsJson = JsonSerializer.Serialize(new CreditSettings(), Json), CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.CreditConfigs.Add(seed);
        try
        {
            await db.SaveChangesAsync(ct);
            return ToView(seed);
        }
        catch (DbUpdateException)
        {
            // Seeded concurrently by another request or node: read theirs.
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            return ToView(await fresh.CreditConfigs.AsNoTracking().SingleAsync(c => c.Version == 1, ct));
        }
    }

    private static CreditConfigView ToView(CreditConfig row) =>
        new(row.Version, JsonSerializer.Deserialize<CreditSettings>(row.SettingsJson, Json)!, row.CreatedAt, row.CreatedByUserId?.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Settings as path → JSON value, e.g. <c>modelRates.gpt-4o.inputPer1K</c> → <c>2.5</c>.</summary>
    internal static Dictionary<string, string> Flatten(CreditSettings settings)
    {
        var result = new Dictionary<string, string>();
        Walk(JsonSerializer.SerializeToNode(settings, Json)!, "", result);
        return result;

        static void Walk(JsonNode node, string path, Dictionary<string, string> into)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (key, child) in obj)
                    {
                        if (child is not null)
                        {
                            Walk(child, path.Length == 0 ? key : $"{path}.{key}", into);
                        }
                    }

                    break;
                case JsonArray array when array.All(i => i is JsonObject o && o["id"] is not null):
                    foreach (var item in array)
                    {
                        Walk(item!, $"{path}[{item!["id"]}]", into);
                    }

                    break;
                default:
                    into[path] = node.ToJsonString();
                    break;
            }
        }
    }

    private static List<(string Field, string? Old, string? New)> Diff(Dictionary<string, string> before, Dictionary<string, string> after) =>
        before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Select(k => (Field: k, Old: before.GetValueOrDefault(k), New: after.GetValueOrDefault(k)))
            .Where(c => c.Old != c.New)
            .ToList();
}
