using AdPilot.Core.AdAccounts;
using AdPilot.Core.Creatives;
using AdPilot.Core.LandingPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdPilot.Core.Campaigns;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.ToTable("Campaigns");
        builder.Property(c => c.Name).HasMaxLength(200).IsRequired();
        builder.Property(c => c.PlatformCampaignId).HasMaxLength(64);
        builder.Property(c => c.Objective).HasConversion<string>().HasMaxLength(24);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.BudgetType).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.SyncStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.SyncError).HasMaxLength(1000);
        builder.Property(c => c.Currency).HasMaxLength(3).IsRequired();
        builder.HasIndex(c => new { c.UserId, c.CreatedAt });
        builder.HasIndex(c => new { c.AdAccountId, c.PlatformCampaignId });
        builder.HasOne(c => c.AdAccount).WithMany().HasForeignKey(c => c.AdAccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.AdSets).WithOne().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AdSetConfiguration : IEntityTypeConfiguration<AdSet>
{
    public void Configure(EntityTypeBuilder<AdSet> builder)
    {
        builder.ToTable("AdSets");
        builder.Property(s => s.Name).HasMaxLength(200).IsRequired();
        builder.Property(s => s.PlatformAdSetId).HasMaxLength(64);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.BudgetType).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.SyncStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.SyncError).HasMaxLength(1000);
        builder.Property(s => s.TargetingJson).HasMaxLength(CampaignMapping.MaxTargetingJsonLength).IsRequired();
        builder.HasIndex(s => new { s.UserId, s.CampaignId });
        builder.HasMany(s => s.Ads).WithOne().HasForeignKey(a => a.AdSetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AdConfiguration : IEntityTypeConfiguration<Ad>
{
    public void Configure(EntityTypeBuilder<Ad> builder)
    {
        builder.ToTable("Ads");
        builder.Property(a => a.Name).HasMaxLength(200).IsRequired();
        builder.Property(a => a.PlatformAdId).HasMaxLength(64);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.SyncStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.SyncError).HasMaxLength(1000);
        builder.Property(a => a.Headline).HasMaxLength(255);
        builder.Property(a => a.PrimaryText).HasMaxLength(2000);
        builder.Property(a => a.CallToAction).HasMaxLength(32);
        builder.Property(a => a.LandingPageUrl).HasMaxLength(2048);
        builder.Property(a => a.ReviewStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.ReviewReason).HasMaxLength(1000);
        builder.HasIndex(a => new { a.UserId, a.AdSetId });
        builder.HasOne<Creative>().WithMany().HasForeignKey(a => a.CreativeId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<LandingPage>().WithMany().HasForeignKey(a => a.LandingPageId).OnDelete(DeleteBehavior.SetNull);
    }
}
