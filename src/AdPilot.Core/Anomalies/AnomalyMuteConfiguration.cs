using AdPilot.Core.AdAccounts;
using AdPilot.Core.Campaigns;
using AdPilot.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdPilot.Core.Anomalies;

internal sealed class AnomalyMuteConfiguration : IEntityTypeConfiguration<AnomalyMute>
{
    public void Configure(EntityTypeBuilder<AnomalyMute> builder)
    {
        builder.ToTable("AnomalyMutes");
        builder.Property(m => m.Type).HasMaxLength(32);
        builder.HasIndex(m => m.UserId);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AdAccount>().WithMany().HasForeignKey(m => m.AdAccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(m => m.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}
