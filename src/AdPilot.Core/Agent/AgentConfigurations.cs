using AdPilot.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdPilot.Core.Agent;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.ToTable("Conversations");
        builder.Property(c => c.Title).HasMaxLength(200).IsRequired();
        builder.HasIndex(c => new { c.UserId, c.UpdatedAt });
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConversationMessageConfiguration : IEntityTypeConfiguration<ConversationMessage>
{
    public void Configure(EntityTypeBuilder<ConversationMessage> builder)
    {
        builder.ToTable("ConversationMessages");
        builder.Property(m => m.Role).HasMaxLength(16).IsRequired();
        builder.Property(m => m.Status).HasMaxLength(16).IsRequired();
        builder.Property(m => m.Model).HasMaxLength(64);
        builder.HasIndex(m => new { m.ConversationId, m.Id });
        builder.HasIndex(m => m.UserId);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgentActionConfiguration : IEntityTypeConfiguration<AgentAction>
{
    public void Configure(EntityTypeBuilder<AgentAction> builder)
    {
        builder.ToTable("AgentActions");
        builder.Property(a => a.Tool).HasMaxLength(64).IsRequired();
        builder.Property(a => a.EntityType).HasMaxLength(32).IsRequired();
        builder.Property(a => a.EntityName).HasMaxLength(300).IsRequired();
        builder.Property(a => a.Summary).HasMaxLength(500).IsRequired();
        builder.Property(a => a.ConfirmBecause).HasMaxLength(500);
        builder.Property(a => a.Status).HasMaxLength(16).IsRequired();
        builder.Property(a => a.Error).HasMaxLength(500);
        builder.HasIndex(a => new { a.UserId, a.CreatedAt });
        builder.HasIndex(a => a.ConversationId);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(a => a.ConversationId).OnDelete(DeleteBehavior.SetNull);
    }
}
