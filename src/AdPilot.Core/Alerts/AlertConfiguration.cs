using AdPilot.Core.Notifications;
using AdPilot.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdPilot.Core.Alerts;

internal sealed class AlertChannelConfiguration : IEntityTypeConfiguration<AlertChannel>
{
    public void Configure(EntityTypeBuilder<AlertChannel> builder)
    {
        builder.ToTable("AlertChannels");
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Name).HasMaxLength(100).IsRequired();
        builder.Property(c => c.Url).HasMaxLength(2048).IsRequired();
        builder.Property(c => c.UrlHint).HasMaxLength(300).IsRequired();
        builder.Property(c => c.SigningSecret).HasMaxLength(100).IsRequired();
        builder.Property(c => c.Categories).HasMaxLength(400).IsRequired();
        builder.Property(c => c.DisabledReason).HasMaxLength(300);
        builder.HasIndex(c => new { c.UserId, c.Enabled });
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Deliveries).WithOne().HasForeignKey(d => d.AlertChannelId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AlertDeliveryConfiguration : IEntityTypeConfiguration<AlertDelivery>
{
    public void Configure(EntityTypeBuilder<AlertDelivery> builder)
    {
        builder.ToTable("AlertDeliveries");
        builder.Property(d => d.Category).HasMaxLength(32).IsRequired();
        builder.Property(d => d.Title).HasMaxLength(200).IsRequired();
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Error).HasMaxLength(300);
        builder.HasIndex(d => new { d.AlertChannelId, d.CreatedAt });
        builder.HasOne<Notification>().WithMany().HasForeignKey(d => d.NotificationId).OnDelete(DeleteBehavior.SetNull);
    }
}
