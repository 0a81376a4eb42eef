using AdPilot.Core.AdAccounts;
using AdPilot.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdPilot.Core.Automation;

internal sealed class AutomationRuleConfiguration : IEntityTypeConfiguration<AutomationRule>
{
    public void Configure(EntityTypeBuilder<AutomationRule> builder)
    {
        builder.ToTable("AutomationRules");
        builder.Property(r => r.Name).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Level).HasMaxLength(16).IsRequired();
        builder.Property(r => r.Action).HasMaxLength(16).IsRequired();
        builder.Property(r => r.Schedule).HasMaxLength(16).IsRequired();
        builder.Property(r => r.CampaignIdsJson).HasMaxLength(4000).IsRequired();
        builder.Property(r => r.AdSetIdsJson).HasMaxLength(4000).IsRequired();
        builder.Property(r => r.ConditionsJson).HasMaxLength(4000).IsRequired();
        builder.Property(r => r.BudgetChangePercent).HasPrecision(9, 2);
        builder.Property(r => r.BudgetCap).HasPrecision(18, 2);
        builder.Property(r => r.DisabledReason).HasMaxLength(1000);
        builder.HasIndex(r => new { r.UserId, r.CreatedAt });
        builder.HasIndex(r => new { r.Enabled, r.NextRunAt });
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AdAccount>().WithMany().HasForeignKey(r => r.AdAccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AutomationRuleRunConfiguration : IEntityTypeConfiguration<AutomationRuleRun>
{
    public void Configure(EntityTypeBuilder<AutomationRuleRun> builder)
    {
        builder.ToTable("AutomationRuleRuns");
        builder.Property(r => r.Trigger).HasMaxLength(16).IsRequired();
        builder.Property(r => r.Status).HasMaxLength(16).IsRequired();
        builder.Property(r => r.Message).HasMaxLength(1000);
        builder.HasIndex(r => new { r.RuleId, r.StartedAt });
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AutomationRule>().WithMany().HasForeignKey(r => r.RuleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AutomationRuleRunItemConfiguration : IEntityTypeConfiguration<AutomationRuleRunItem>
{
    public void Configure(EntityTypeBuilder<AutomationRuleRunItem> builder)
    {
        builder.ToTable("AutomationRuleRunItems");
        builder.Property(i => i.EntityType).HasMaxLength(16).IsRequired();
        builder.Property(i => i.EntityName).HasMaxLength(200).IsRequired();
        builder.Property(i => i.ValuesJson).HasMaxLength(2000).IsRequired();
        builder.Property(i => i.Outcome).HasMaxLength(16).IsRequired();
        builder.Property(i => i.Reason).HasMaxLength(32);
        builder.Property(i => i.Before).HasMaxLength(64);
        builder.Property(i => i.After).HasMaxLength(64);
        builder.Property(i => i.Detail).HasMaxLength(1000);
        builder.HasIndex(i => new { i.RunId, i.EntityId });
    }
}
