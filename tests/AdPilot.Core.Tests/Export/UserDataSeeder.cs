using AdPilot.Core.Tests.Support;
using System.Globalization;
using AdPilot.Core.Data;
using AdPilot.Core.Export;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AdPilot.Core.Tests.Export;

/// <summary>
/// Puts one row of a user into every table that holds user data, found by walking the EF model (so a table added later
/// is seeded too): required columns get unique values, foreign keys point at the same user's rows, and every [Secret]
/// column gets a recognisable marker the tests then search the export for.
/// </summary>
internal sealed class UserDataSeeder(TestDatabase database, DateTime now)
{
    private int _counter;

    /// <summary>Primary keys of the seeded rows, per table, per user.</summary>
    public Dictionary<(string Table, long UserId), List<string>> Rows { get; } = [];

    public List<string> SecretMarkers { get; } = [];

    public async Task SeedAsync(long userId)
    {
        await using var db = database.CreateDbContext();
        var tables = UserDataModel.Tables(db.Model);
        foreach (var table in InDependencyOrder(tables.Where(t => t.Link != UserLink.Self).ToList()))
        {
            var entity = Activator.CreateInstance(table.Type.ClrType)!;
            var entry = db.Entry(entity);
            foreach (var property in table.Type.GetProperties())
            {
                var value = ValueFor(db, tables, property, userId, entry.Property(property.Name).CurrentValue);
                if (value is not Keep)
                {
                    entry.Property(property.Name).CurrentValue = value;
                }
            }

            entry.State = EntityState.Added;
            await db.SaveChangesAsync();
            Record(table, userId, entry);
            entry.State = EntityState.Detached;
        }

        Record(tables.Single(t => t.Link == UserLink.Self), userId, null, userId.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Principals before dependents (a foreign key to another user table needs its row first).</summary>
    private static List<UserTable> InDependencyOrder(List<UserTable> pending)
    {
        var ordered = new List<UserTable>();
        while (pending.Count > 0)
        {
            var next = pending.First(t => t.Type.GetForeignKeys().All(k => k.PrincipalEntityType == t.Type || !pending.Any(p => p.Type == k.PrincipalEntityType)));
            ordered.Add(next);
            pending.Remove(next);
        }

        return ordered;
    }

    private void Record(UserTable table, long userId, Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry? entry, string? key = null)
    {
        if (!Rows.TryGetValue((table.Name, userId), out var list))
        {
            Rows[(table.Name, userId)] = list = [];
        }

        list.Add(key ?? Key(table.Type.FindPrimaryKey()!.Properties.Select(p => entry!.Property(p.Name).CurrentValue)));
    }

    public static string Key(IEnumerable<object?> values) =>
        string.Join("|", values.Select(v => v is DateOnly d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Convert.ToString(v, CultureInfo.InvariantCulture)));

    private object? ValueFor(AppDbContext db, IReadOnlyList<UserTable> tables, IProperty property, long userId, object? current)
    {
        if (property.IsPrimaryKey() && property.ValueGenerated != ValueGenerated.Never && !property.IsForeignKey() && property.ClrType != typeof(string))
        {
            return Keep.Value;
        }

        if (property.GetContainingForeignKeys().FirstOrDefault() is { } fk)
        {
            return ForeignKeyValue(db, tables, fk, userId, property);
        }

        if (property.Name == "UserId" || (property.Name == "Subject" && property.DeclaringType.ClrType.Namespace!.StartsWith("OpenIddict", StringComparison.Ordinal)))
        {
            return property.ClrType == typeof(string) ? userId.ToString(CultureInfo.InvariantCulture) : userId;
        }

        var n = ++_counter;
        if (UserDataModel.IsSecret(property))
        {
            var marker = $"SECRETMARK{Guid.NewGuid():N}";
            SecretMarkers.Add(marker);
            return property.ClrType == typeof(string) ? marker : System.Text.Encoding.UTF8.GetBytes(marker);
        }

        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        return type switch
        {
            _ when type == typeof(string) => current is string { Length: > 0 } ? Keep.Value : Text(property, n),
            _ when type == typeof(DateTime) => now,
            _ when type == typeof(DateOnly) => DateOnly.FromDateTime(now),
            _ when type == typeof(DateTimeOffset) => new DateTimeOffset(now, TimeSpan.Zero),
            _ when type == typeof(long) => (long)n,
            _ when type == typeof(int) => n,
            _ when type == typeof(decimal) => 1.5m,
            _ when type == typeof(byte[]) => new byte[] { 1, 2, 3 },
            _ when type == typeof(Guid) => Guid.NewGuid(),
            _ => Keep.Value,
        };
    }

    private static string Text(IProperty property, int n)
    {
        var text = property.GetColumnType()?.Contains("json", StringComparison.OrdinalIgnoreCase) == true ? "{}" : $"v{n}";
        return property.GetMaxLength() is { } max && text.Length > max ? text[^max..] : text;
    }

    private object? ForeignKeyValue(AppDbContext db, IReadOnlyList<UserTable> tables, IForeignKey fk, long userId, IProperty property)
    {
        if (fk.PrincipalEntityType.ClrType == typeof(Core.Users.User))
        {
            return userId;
        }

        var principal = tables.FirstOrDefault(t => t.Type == fk.PrincipalEntityType);
        if (principal is null || !Rows.TryGetValue((principal.Name, userId), out var keys))
        {
            return property.IsNullable ? null : throw new InvalidOperationException($"{property.DeclaringType.ShortName()}.{property.Name} needs a row of {fk.PrincipalEntityType.ShortName()} first.");
        }

        var key = keys[0];
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        return type == typeof(string) ? key : Convert.ChangeType(key, type, CultureInfo.InvariantCulture);
    }

    private sealed class Keep
    {
        public static readonly Keep Value = new();
    }
}
