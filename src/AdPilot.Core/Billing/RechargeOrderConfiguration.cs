using AdPilot.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdPilot.Core.Billing;

internal sealed class RechargeOrderConfiguration : IEntityTypeConfiguration<RechargeOrder>
{
    public void Configure(EntityTypeBuilder<RechargeOrder> builder)
    {
        builder.ToTable("RechargeOrders");
        builder.Ignore(o => o.MinorUnits);
        builder.Property(o => o.PackageId).HasMaxLength(64).IsRequired();
        builder.Property(o => o.Currency).HasMaxLength(3).IsRequired();
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.Gateway).HasMaxLength(16).IsRequired();
        builder.Property(o => o.CheckoutSessionId).HasMaxLength(255);
        builder.Property(o => o.CheckoutUrl).HasMaxLength(2048);
        builder.Property(o => o.FailureReason).HasMaxLength(500);
        builder.HasIndex(o => new { o.UserId, o.CreatedAt });
        builder.HasIndex(o => o.CheckoutSessionId).IsUnique();
        builder.HasOne<User>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PaymentEventConfiguration : IEntityTypeConfiguration<PaymentEvent>
{
    public void Configure(EntityTypeBuilder<PaymentEvent> builder)
    {
        builder.ToTable("PaymentEvents");
        builder.HasKey(e => e.EventId);
        builder.Property(e => e.EventId).HasMaxLength(255);
        builder.Property(e => e.Type).HasMaxLength(100).IsRequired();
        builder.Property(e => e.Outcome).HasMaxLength(100).IsRequired();
    }
}
