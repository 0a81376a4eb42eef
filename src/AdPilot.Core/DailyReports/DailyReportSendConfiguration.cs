using AdPilot.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdPilot.Core.DailyReports;

internal sealed class DailyReportSendConfiguration : IEntityTypeConfiguration<DailyReportSend>
{
    public void Configure(EntityTypeBuilder<DailyReportSend> builder)
    {
        builder.ToTable("DailyReportSends");
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(s => new { s.UserId, s.LocalDate }).IsUnique();
        builder.HasIndex(s => new { s.LocalDate, s.Status });
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
