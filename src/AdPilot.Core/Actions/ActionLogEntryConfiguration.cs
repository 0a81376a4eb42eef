using AdPilot.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdPilot.Core.Actions;

internal sealed class ActionLogEntryConfiguration : IEntityTypeConfiguration<ActionLogEntry>
{
    public void Configure(EntityTypeBuilder<ActionLogEntry> builder)
    {
        builder.ToTable("ActionLog");
        builder.Property(a => a.Source).HasMaxLength(16).IsRequired();
        builder.Property(a => a.Client).HasMaxLength(200);
        builder.Property(a => a.Action).HasMaxLength(64).IsRequired();
        builder.Property(a => a.EntityType).HasMaxLength(32).IsRequired();
        builder.Property(a => a.EntityName).HasMaxLength(300).IsRequired();
        builder.Property(a => a.Summary).HasMaxLength(500).IsRequired();
        builder.HasIndex(a => new { a.UserId, a.CreatedAt });
        builder.HasIndex(a => new { a.UserId, a.EntityType, a.EntityId });
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
