using AdPilot.Core.AdAccounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdPilot.Core.Reports;

internal sealed class ReportMetricConfiguration : IEntityTypeConfiguration<ReportMetric>
{
    public void Configure(EntityTypeBuilder<ReportMetric> builder)
    {
        builder.ToTable("ReportMetrics");
        builder.Property(m => m.Currency).HasMaxLength(3).IsRequired();
        builder.HasIndex(m => new { m.AdId, m.Date }).IsUnique();
        // Owner + date range queries at every level of the drill-down.
        builder.HasIndex(m => new { m.UserId, m.Date });
        builder.HasIndex(m => new { m.AdAccountId, m.Date });
        builder.HasIndex(m => new { m.CampaignId, m.Date });
        builder.HasIndex(m => new { m.AdSetId, m.Date });
        builder.HasOne<AdAccount>().WithMany().HasForeignKey(m => m.AdAccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
