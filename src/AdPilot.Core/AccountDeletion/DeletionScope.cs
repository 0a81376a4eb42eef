using AdPilot.Core.Common;
using AdPilot.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using OpenIddict.EntityFrameworkCore.Models;

namespace AdPilot.Core.AccountDeletion;

/// <summary>
/// Where a user's rows are, read from the EF model rather than listed by hand, so a table added later is covered:
/// tables the user row's cascades reach, owned tables (<see cref="IOwned"/>) those cascades miss, and OpenIddict's
/// grants and tokens, which name the user by subject. <see cref="Unreached"/> lists what falls through, for a test.
/// </summary>
public static class DeletionScope
{
    /// <summary>Tables that hold no user's data: configuration, keys, processor events, the deletion outbox, retained records.</summary>
    public static readonly IReadOnlySet<Type> Global = new HashSet<Type>
    {
        typeof(Credits.CreditConfig), typeof(Credits.CreditConfigChange), typeof(Data.DataProtectionKey), typeof(Billing.PaymentEvent),
        typeof(StorageDeletion), typeof(RetainedCreditTransaction), typeof(RetainedRechargeOrder),
        typeof(OpenIddictEntityFrameworkCoreApplication), typeof(OpenIddictEntityFrameworkCoreScope),
    };

    /// <summary>Tables that name the user by subject (no foreign key): deleted by subject.</summary>
    public static readonly IReadOnlySet<Type> BySubject = new HashSet<Type>
    {
        typeof(OpenIddictEntityFrameworkCoreAuthorization), typeof(OpenIddictEntityFrameworkCoreToken),
    };

    /// <summary>Every entity type the user row's cascading foreign keys reach, directly or through other rows.</summary>
    public static IReadOnlySet<IEntityType> Cascaded(IModel model)
    {
        var reached = new HashSet<IEntityType>();
        var pending = new Queue<IEntityType>([model.FindEntityType(typeof(User))!]);
        while (pending.TryDequeue(out var principal))
        {
            foreach (var fk in principal.GetReferencingForeignKeys())
            {
                if (fk.DeleteBehavior == DeleteBehavior.Cascade && reached.Add(fk.DeclaringEntityType))
                {
                    pending.Enqueue(fk.DeclaringEntityType);
                }
            }
        }

        return reached;
    }

    /// <summary>Owned tables no cascade from the user row reaches: deleted by their <c>UserId</c>.</summary>
    public static IReadOnlyList<IEntityType> OwnedOutsideCascades(IModel model)
    {
        var cascaded = Cascaded(model);
        return model.GetEntityTypes()
            .Where(e => !e.IsOwned() && typeof(IOwned).IsAssignableFrom(e.ClrType) && !cascaded.Contains(e))
            .ToList();
    }

    /// <summary>Entity types that are neither global, nor reached from the user row, nor owned, nor by subject: a test asserts there are none.</summary>
    public static IReadOnlyList<IEntityType> Unreached(IModel model)
    {
        var cascaded = Cascaded(model);
        return model.GetEntityTypes()
            .Where(e => !e.IsOwned() && e.ClrType != typeof(User) && !Global.Contains(e.ClrType) && !BySubject.Contains(e.ClrType)
                && !cascaded.Contains(e) && !typeof(IOwned).IsAssignableFrom(e.ClrType))
            .ToList();
    }
}
