using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdPilot.Core.AccountDeletion;

internal sealed class StorageDeletionConfiguration : IEntityTypeConfiguration<StorageDeletion>
{
    public void Configure(EntityTypeBuilder<StorageDeletion> builder)
    {
        builder.ToTable("StorageDeletions");
        builder.Property(d => d.Key).HasMaxLength(Storage.StorageKeys.MaxLength).IsRequired();
        builder.Property(d => d.LastError).HasMaxLength(200);
        builder.HasIndex(d => d.NextAttemptAt);
    }
}

internal sealed class RetainedCreditTransactionConfiguration : IEntityTypeConfiguration<RetainedCreditTransaction>
{
    public void Configure(EntityTypeBuilder<RetainedCreditTransaction> builder)
    {
        builder.ToTable("RetainedCreditTransactions");
        builder.Property(t => t.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Operation).HasMaxLength(64);
        builder.Property(t => t.Model).HasMaxLength(64);
        builder.HasIndex(t => t.AnonymousAccount);
        builder.HasIndex(t => t.RetainUntil);
    }
}

internal sealed class RetainedRechargeOrderConfiguration : IEntityTypeConfiguration<RetainedRechargeOrder>
{
    public void Configure(EntityTypeBuilder<RetainedRechargeOrder> builder)
    {
        builder.ToTable("RetainedRechargeOrders");
        builder.Property(o => o.PackageId).HasMaxLength(64).IsRequired();
        builder.Property(o => o.Currency).HasMaxLength(3).IsRequired();
        builder.Property(o => o.Status).HasMaxLength(16).IsRequired();
        builder.Property(o => o.Gateway).HasMaxLength(16).IsRequired();
        builder.Property(o => o.CheckoutSessionId).HasMaxLength(255);
        builder.HasIndex(o => o.OrderId).IsUnique();
        builder.HasIndex(o => o.AnonymousAccount);
        builder.HasIndex(o => o.RetainUntil);
    }
}
