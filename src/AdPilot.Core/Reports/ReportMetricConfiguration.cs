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

internal sealed class ReportArchivedMetricConfiguration : IEntityTypeConfiguration<ReportArchivedMetric>
{
    public void Configure(EntityTypeBuilder<ReportArchivedMetric> builder)
    {
        builder.ToTable("ReportArchivedMetrics");
        builder.Property(m => m.Currency).HasMaxLength(3).IsRequired();
        builder.HasIndex(m => new { m.AdId, m.Date }).IsUnique();
        builder.HasIndex(m => new { m.UserId, m.Date });
        builder.HasIndex(m => new { m.CampaignId, m.Date });
        builder.HasIndex(m => new { m.AdSetId, m.Date });
        builder.HasOne<AdAccount>().WithMany().HasForeignKey(m => m.AdAccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportCampaignDayConfiguration : IEntityTypeConfiguration<ReportCampaignDay>
{
    public void Configure(EntityTypeBuilder<ReportCampaignDay> builder) => CampaignRollups.Configure(builder, "ReportCampaignDays");
}

internal sealed class ReportCampaignWeekConfiguration : IEntityTypeConfiguration<ReportCampaignWeek>
{
    public void Configure(EntityTypeBuilder<ReportCampaignWeek> builder) => CampaignRollups.Configure(builder, "ReportCampaignWeeks");
}

internal sealed class ReportAccountDayConfiguration : IEntityTypeConfiguration<ReportAccountDay>
{
    public void Configure(EntityTypeBuilder<ReportAccountDay> builder)
    {
        builder.ToTable("ReportAccountDays");
        builder.Property(m => m.Currency).HasMaxLength(3).IsRequired();
        builder.HasIndex(m => new { m.AdAccountId, m.Date, m.Currency }).IsUnique();
        builder.HasIndex(m => new { m.UserId, m.Date, m.AdAccountId, m.Currency, m.Spend, m.Impressions, m.Clicks, m.Conversions, m.Revenue })
            .HasDatabaseName("IX_ReportAccountDays_Covering");
        builder.HasOne<AdAccount>().WithMany().HasForeignKey(m => m.AdAccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal static class CampaignRollups
{
    public static void Configure<T>(EntityTypeBuilder<T> builder, string table)
        where T : CampaignRollup
    {
        builder.ToTable(table);
        builder.Property(m => m.Currency).HasMaxLength(3).IsRequired();
        builder.HasIndex(m => new { m.CampaignId, m.Date, m.Currency }).IsUnique();
        // Covering the date-range scans of the account and campaign levels: the sums are read from the index alone.
        builder.HasIndex(m => new { m.UserId, m.Date, m.AdAccountId, m.CampaignId, m.Currency, m.Spend, m.Impressions, m.Clicks, m.Conversions, m.Revenue })
            .HasDatabaseName($"IX_{table}_Covering");
        builder.HasIndex(m => new { m.AdAccountId, m.Date });
        builder.HasOne<AdAccount>().WithMany().HasForeignKey(m => m.AdAccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
