using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using AdPilot.Core.Common;
using AdPilot.Core.Data;
using AdPilot.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AdPilot.Core.Export;

/// <summary>
/// Finds a user's rows by walking the EF model, so a table added later is covered without code changes: the Users row
/// itself; every entity that is <see cref="IOwned"/> or has a foreign key to Users; every entity that reaches one of those
/// through a cascading foreign key; and OpenIddict's authorizations and tokens by subject. Properties marked
/// <see cref="SecretAttribute"/> (and OpenIddict's token payloads) are never selected.
/// </summary>
public static class UserDataModel
{
    /// <summary>OpenIddict's token payload and reference id are bearer material; its types cannot carry [Secret].</summary>
    private static readonly HashSet<string> OpenIddictSecrets = ["Payload", "ReferenceId"];

    /// <summary>Every entity type holding user data, principals before dependents, each with how its rows are found.</summary>
    public static IReadOnlyList<UserTable> Tables(IModel model)
    {
        var found = new Dictionary<IEntityType, UserTable>();
        var pending = model.GetEntityTypes().Where(t => !t.IsOwned()).ToList();
        bool progress;
        do
        {
            progress = false;
            foreach (var type in pending.ToList())
            {
                if (Describe(type, found) is { } table)
                {
                    found[type] = table;
                    pending.Remove(type);
                    progress = true;
                }
            }
        }
        while (progress);

        return [.. found.Values];
    }

    /// <summary>The properties written to the export: everything but secrets.</summary>
    public static IReadOnlyList<IProperty> ExportedProperties(IEntityType type) =>
        [.. type.GetProperties().Where(p => !IsSecret(p))];

    /// <summary>The properties left out, for the README.</summary>
    public static IReadOnlyList<IProperty> SecretProperties(IEntityType type) =>
        [.. type.GetProperties().Where(IsSecret)];

    public static bool IsSecret(IProperty property) =>
        property.PropertyInfo?.GetCustomAttribute<SecretAttribute>() is not null
        || (IsOpenIddict(property.DeclaringType.ClrType) && OpenIddictSecrets.Contains(property.Name));

    private static UserTable? Describe(IEntityType type, Dictionary<IEntityType, UserTable> found)
    {
        if (type.ClrType == typeof(User))
        {
            return new UserTable(type, UserLink.Self, null, null);
        }

        if (typeof(IOwned).IsAssignableFrom(type.ClrType))
        {
            return new UserTable(type, UserLink.Owner, type.FindProperty(nameof(IOwned.UserId)), null);
        }

        if (IsOpenIddict(type.ClrType) && type.FindProperty("Subject") is { } subject)
        {
            return new UserTable(type, UserLink.Subject, subject, null);
        }

        var keys = type.GetForeignKeys().Where(k => k.Properties.Count == 1).ToList();
        if (keys.FirstOrDefault(k => k.PrincipalEntityType.ClrType == typeof(User)) is { } toUser)
        {
            return new UserTable(type, UserLink.Owner, toUser.Properties[0], null);
        }

        return keys.FirstOrDefault(k => k.DeleteBehavior == DeleteBehavior.Cascade && found.ContainsKey(k.PrincipalEntityType)) is { } viaParent
            ? new UserTable(type, UserLink.Parent, viaParent.Properties[0], viaParent)
            : null;
    }

    private static bool IsOpenIddict(Type type) => type.Namespace?.StartsWith("OpenIddict", StringComparison.Ordinal) == true;

    /// <summary>The user's rows of <paramref name="table"/> as an untyped query (ordered by primary key).</summary>
    public static IQueryable<object?[]> Rows(AppDbContext db, UserTable table, long userId, IReadOnlyList<IProperty> columns)
    {
        var method = typeof(UserDataModel).GetMethod(nameof(RowsOf), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(table.Type.ClrType);
        return (IQueryable<object?[]>)method.Invoke(null, [db, table, userId, columns])!;
    }

    /// <summary>The user's rows whose <paramref name="column"/> is one of <paramref name="values"/> (children of one batch).</summary>
    public static IQueryable<object?[]> RowsWhere(AppDbContext db, UserTable table, long userId, IReadOnlyList<IProperty> columns, IProperty column, IReadOnlyCollection<long> values)
    {
        var method = typeof(UserDataModel).GetMethod(nameof(RowsWhereOf), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(table.Type.ClrType);
        return (IQueryable<object?[]>)method.Invoke(null, [db, table, userId, columns, column, values])!;
    }

    private static IQueryable<object?[]> RowsOf<T>(AppDbContext db, UserTable table, long userId, IReadOnlyList<IProperty> columns)
        where T : class
    {
        var query = db.Set<T>().AsNoTracking().Where(Filter<T>(db, table, userId));
        var first = true;
        foreach (var key in table.Type.FindPrimaryKey()?.Properties ?? [])
        {
            var e = Expression.Parameter(typeof(T), "e");
            var order = Expression.Call(typeof(Queryable), first ? nameof(Queryable.OrderBy) : nameof(Queryable.ThenBy), [typeof(T), key.ClrType],
                query.Expression, Expression.Quote(Expression.Lambda(Access(e, key), e)));
            query = query.Provider.CreateQuery<T>(order);
            first = false;
        }

        return query.Select(Projection<T>(columns));
    }

    private static IQueryable<object?[]> RowsWhereOf<T>(AppDbContext db, UserTable table, long userId, IReadOnlyList<IProperty> columns, IProperty column, IReadOnlyCollection<long> values)
        where T : class
    {
        var list = values.ToList();
        var e = Expression.Parameter(typeof(T), "e");
        var contains = Expression.Call(Expression.Constant(list), typeof(List<long>).GetMethod(nameof(List<long>.Contains))!,
            Expression.Convert(Access(e, column), typeof(long)));
        return db.Set<T>().AsNoTracking().Where(Filter<T>(db, table, userId)).Where(Expression.Lambda<Func<T, bool>>(contains, e)).Select(Projection<T>(columns));
    }

    private static Expression<Func<T, bool>> Filter<T>(AppDbContext db, UserTable table, long userId)
    {
        var e = Expression.Parameter(typeof(T), "e");
        Expression body = table.Link switch
        {
            UserLink.Self => Equal(Access(e, table.Type.FindPrimaryKey()!.Properties[0]), userId),
            UserLink.Owner => Equal(Access(e, table.Column!), userId),
            UserLink.Subject => Expression.Equal(Access(e, table.Column!), Expression.Constant(userId.ToString(CultureInfo.InvariantCulture))),
            _ => ParentContains(db, table, userId, Access(e, table.Column!)),
        };
        return Expression.Lambda<Func<T, bool>>(body, e);
    }

    /// <summary><c>fk IN (SELECT principal key FROM parent WHERE parent belongs to the user)</c>.</summary>
    private static MethodCallExpression ParentContains(AppDbContext db, UserTable table, long userId, Expression foreignKey)
    {
        var parent = Tables(db.Model).Single(t => t.Type == table.Via!.PrincipalEntityType);
        var method = typeof(UserDataModel).GetMethod(nameof(KeysOf), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(parent.Type.ClrType, foreignKey.Type);
        var keys = (IQueryable)method.Invoke(null, [db, parent, userId, table.Via!.PrincipalKey.Properties[0]])!;
        return Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [foreignKey.Type], keys.Expression, foreignKey);
    }

    private static IQueryable<TKey> KeysOf<TParent, TKey>(AppDbContext db, UserTable parent, long userId, IProperty key)
        where TParent : class =>
        db.Set<TParent>().Where(Filter<TParent>(db, parent, userId)).Select(Lambda<TParent, TKey>(p => Expression.Convert(Access(p, key), typeof(TKey))));

    private static Expression<Func<T, object?[]>> Projection<T>(IReadOnlyList<IProperty> columns)
    {
        var e = Expression.Parameter(typeof(T), "e");
        return Expression.Lambda<Func<T, object?[]>>(Expression.NewArrayInit(typeof(object), columns.Select(c => Box(Access(e, c)))), e);
    }

    private static Expression<Func<T, TResult>> Lambda<T, TResult>(Func<ParameterExpression, Expression> body)
    {
        var e = Expression.Parameter(typeof(T), "e");
        return Expression.Lambda<Func<T, TResult>>(body(e), e);
    }

    /// <summary><c>EF.Property&lt;TProperty&gt;(e, name)</c>, which also reaches shadow properties.</summary>
    private static MethodCallExpression Access(Expression entity, IProperty property) =>
        Expression.Call(typeof(EF).GetMethod(nameof(EF.Property))!.MakeGenericMethod(property.ClrType), entity, Expression.Constant(property.Name));

    private static UnaryExpression Box(Expression value) => Expression.Convert(value, typeof(object));

    private static BinaryExpression Equal(Expression column, long userId) =>
        Expression.Equal(Expression.Convert(column, typeof(long?)), Expression.Constant(userId, typeof(long?)));
}

public enum UserLink
{
    /// <summary>The Users row.</summary>
    Self,

    /// <summary>A column holding the user id (IOwned or a foreign key to Users).</summary>
    Owner,

    /// <summary>OpenIddict rows: the subject is the user id as text.</summary>
    Subject,

    /// <summary>A cascading foreign key to a table that itself holds user data.</summary>
    Parent,
}

/// <summary>An entity type holding user data and how its rows are found.</summary>
public sealed record UserTable(IEntityType Type, UserLink Link, IProperty? Column, IForeignKey? Via)
{
    /// <summary>The file name stem in the export (the table name, e.g. <c>Campaigns</c>).</summary>
    public string Name => Type.GetTableName() ?? Type.ShortName();
}
