using AdPilot.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdPilot.Core.Credits;

internal sealed class CreditBalanceConfiguration : IEntityTypeConfiguration<CreditBalance>
{
    public void Configure(EntityTypeBuilder<CreditBalance> builder)
    {
        builder.ToTable("CreditBalances");
        builder.HasKey(b => b.UserId);
        builder.Ignore(b => b.Total);
        builder.HasOne<User>().WithOne().HasForeignKey<CreditBalance>(b => b.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CreditTransactionConfiguration : IEntityTypeConfiguration<CreditTransaction>
{
    public void Configure(EntityTypeBuilder<CreditTransaction> builder)
    {
        builder.ToTable("CreditTransactions");
        builder.Property(t => t.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Operation).HasMaxLength(64);
        builder.Property(t => t.Model).HasMaxLength(64);
        builder.Property(t => t.ReferenceId).HasMaxLength(128);
        builder.Property(t => t.IdempotencyKey).HasMaxLength(128);
        builder.Property(t => t.Description).HasMaxLength(500);
        builder.HasIndex(t => new { t.UserId, t.CreatedAt });
        builder.HasIndex(t => new { t.UserId, t.IdempotencyKey }).IsUnique();
        builder.HasIndex(t => new { t.UserId, t.ReferenceId });
        builder.HasOne<CreditBalance>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CreditConfigConfiguration : IEntityTypeConfiguration<CreditConfig>
{
    public void Configure(EntityTypeBuilder<CreditConfig> builder)
    {
        builder.ToTable("CreditConfigs");
        builder.HasKey(c => c.Version);
        builder.Property(c => c.Version).ValueGeneratedNever();
        builder.Property(c => c.SettingsJson).IsRequired();
    }
}

internal sealed class CreditConfigChangeConfiguration : IEntityTypeConfiguration<CreditConfigChange>
{
    public void Configure(EntityTypeBuilder<CreditConfigChange> builder)
    {
        builder.ToTable("CreditConfigChanges");
        builder.Property(c => c.AdminEmail).HasMaxLength(320).IsRequired();
        builder.Property(c => c.Field).HasMaxLength(200).IsRequired();
        builder.Property(c => c.OldValue).HasMaxLength(4000);
        builder.Property(c => c.NewValue).HasMaxLength(4000);
        builder.HasIndex(c => new { c.Version, c.ChangedAt });
        builder.HasOne<CreditConfig>().WithMany().HasForeignKey(c => c.Version).OnDelete(DeleteBehavior.Cascade);
    }
}
