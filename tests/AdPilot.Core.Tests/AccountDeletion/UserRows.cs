using System.Globalization;
using AdPilot.Core.AccountDeletion;
using AdPilot.Core.Common;
using AdPilot.Core.Data;
using AdPilot.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace AdPilot.Core.Tests.AccountDeletion;

/// <summary>
/// The test's own reading of the EF model, independent of the code under test: every table that holds a user's rows
/// (a <c>UserId</c>, a foreign-key path to Users, or an OpenIddict subject), a row in each for a user (filled by reflection,
/// so a table added later is seeded without anyone remembering it) and a count of a user's rows per table.
/// </summary>
internal static class UserRows
{
    /// <summary>Every entity type with rows that belong to a user, parents before children.</summary>
    public static IReadOnlyList<IEntityType> Tables(IModel model)
    {
        var related = model.GetEntityTypes().Where(e => !e.IsOwned() && e.ClrType != typeof(User) && IsUserRelated(e)).ToList();
        var ordered = new List<IEntityType>();
        while (ordered.Count < related.Count)
        {
            var next = related.First(e => !ordered.Contains(e) && e.GetForeignKeys().All(fk => fk.PrincipalEntityType == e || !related.Contains(fk.PrincipalEntityType) || ordered.Contains(fk.PrincipalEntityType)));
            ordered.Add(next);
        }

        return ordered;
    }

    /// <summary>Rows of the user in the table, following the table's path to the user.</summary>
    public static async Task<long> CountAsync(AppDbContext db, IEntityType entity, long userId)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var where = Condition(entity, sql, 0);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {Table(entity, sql)} t0 WHERE {where}";
        var p = command.CreateParameter();
        p.ParameterName = "@u";
        p.Value = IsBySubject(entity) ? userId.ToString(CultureInfo.InvariantCulture) : userId;
        command.Parameters.Add(p);
        if (command.Connection!.State != System.Data.ConnectionState.Open)
        {
            await command.Connection.OpenAsync();
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Adds one row to every user table for the user (reflection fills the required columns).</summary>
    public static async Task SeedAsync(Func<AppDbContext> contexts, long userId, DateTime now)
    {
        await using var db = contexts();
        var seeded = new Dictionary<IEntityType, object>();
        var counter = (int)(userId * 1000);
        foreach (var entity in Tables(db.Model))
        {
            var row = Activator.CreateInstance(entity.ClrType)!;
            var entry = db.Entry(row);
            foreach (var property in entity.GetProperties())
            {
                var fk = property.GetContainingForeignKeys().FirstOrDefault();
                if (fk is not null)
                {
                    var principal = fk.PrincipalEntityType;
                    object? value = principal.ClrType == typeof(User) ? userId
                        : seeded.TryGetValue(principal, out var parent) ? db.Entry(parent).Property(fk.PrincipalKey.Properties[fk.Properties.ToList().IndexOf(property)].Name).CurrentValue
                        : null;
                    if (value is not null || property.IsNullable)
                    {
                        entry.Property(property.Name).CurrentValue = value;
                        continue;
                    }
                }

                if (property.IsPrimaryKey() && property.ValueGenerated != ValueGenerated.Never && property.ClrType != typeof(string))
                {
                    continue;
                }

                if (property.Name == nameof(IOwned.UserId) && typeof(IOwned).IsAssignableFrom(entity.ClrType))
                {
                    entry.Property(property.Name).CurrentValue = userId;
                    continue;
                }

                if (property.Name == "Subject" && IsBySubject(entity))
                {
                    entry.Property(property.Name).CurrentValue = userId.ToString(CultureInfo.InvariantCulture);
                    continue;
                }

                if (!property.IsNullable && !property.IsShadowProperty())
                {
                    entry.Property(property.Name).CurrentValue = Sample(property, ++counter, now);
                }
            }

            db.Add(row);
            seeded[entity] = row;
            await db.SaveChangesAsync();
        }
    }

    private static object? Sample(IProperty property, int n, DateTime now)
    {
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        if (type == typeof(string))
        {
            var max = property.GetMaxLength() ?? 40;
            var text = "v" + n.ToString(CultureInfo.InvariantCulture);
            return max < text.Length ? text[^max..] : text;
        }

        return type switch
        {
            _ when type.IsEnum => Enum.GetValues(type).GetValue(0),
            _ when type == typeof(bool) => false,
            _ when type == typeof(int) => n,
            _ when type == typeof(long) => (long)n,
            _ when type == typeof(short) => (short)1,
            _ when type == typeof(decimal) => 1m,
            _ when type == typeof(double) => 1d,
            _ when type == typeof(DateTime) => now,
            _ when type == typeof(DateTimeOffset) => new DateTimeOffset(now),
            _ when type == typeof(DateOnly) => DateOnly.FromDateTime(now).AddDays(n % 300),
            _ when type == typeof(TimeOnly) => TimeOnly.MinValue,
            _ when type == typeof(Guid) => Guid.NewGuid(),
            _ when type == typeof(byte[]) => new byte[] { 1 },
            _ => Activator.CreateInstance(type),
        };
    }

    private static bool IsBySubject(IEntityType entity) => DeletionScope.BySubject.Contains(entity.ClrType);

    private static bool IsDirect(IEntityType entity) =>
        IsBySubject(entity) || typeof(IOwned).IsAssignableFrom(entity.ClrType) || entity.GetForeignKeys().Any(fk => fk.PrincipalEntityType.ClrType == typeof(User));

    private static bool IsUserRelated(IEntityType entity, int depth = 0) =>
        depth <= 6 && (IsDirect(entity) || entity.GetForeignKeys().Any(fk => fk.PrincipalEntityType != entity && IsUserRelated(fk.PrincipalEntityType, depth + 1)));

    private static string Condition(IEntityType entity, ISqlGenerationHelper sql, int level)
    {
        var alias = "t" + level.ToString(CultureInfo.InvariantCulture);
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        if (IsBySubject(entity))
        {
            return $"{alias}.{sql.DelimitIdentifier(entity.FindProperty("Subject")!.GetColumnName(table)!)} = @u";
        }

        if (IsDirect(entity))
        {
            var column = (entity.FindProperty(nameof(IOwned.UserId)) ?? entity.GetForeignKeys().First(fk => fk.PrincipalEntityType.ClrType == typeof(User)).Properties[0]).GetColumnName(table)!;
            return $"{alias}.{sql.DelimitIdentifier(column)} = @u";
        }

        var path = entity.GetForeignKeys().First(fk => fk.PrincipalEntityType != entity && IsUserRelated(fk.PrincipalEntityType, 1));
        var principal = path.PrincipalEntityType;
        var principalTable = StoreObjectIdentifier.Table(principal.GetTableName()!, principal.GetSchema());
        var next = "t" + (level + 1).ToString(CultureInfo.InvariantCulture);
        return $"{alias}.{sql.DelimitIdentifier(path.Properties[0].GetColumnName(table)!)} IN (SELECT {next}.{sql.DelimitIdentifier(path.PrincipalKey.Properties[0].GetColumnName(principalTable)!)} FROM {Table(principal, sql)} {next} WHERE {Condition(principal, sql, level + 1)})";
    }

    private static string Table(IEntityType entity, ISqlGenerationHelper sql) => sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
}
