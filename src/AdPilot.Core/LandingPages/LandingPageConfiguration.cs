using AdPilot.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdPilot.Core.LandingPages;

internal sealed class LandingPageConfiguration : IEntityTypeConfiguration<LandingPage>
{
    public void Configure(EntityTypeBuilder<LandingPage> builder)
    {
        builder.ToTable("LandingPages");
        builder.Property(p => p.Name).HasMaxLength(200).IsRequired();
        builder.Property(p => p.Slug).HasMaxLength(100).IsRequired();
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.ContentJson).IsRequired();
        builder.Property(p => p.ThemeColor).HasMaxLength(16).IsRequired();
        builder.Property(p => p.PublishedUrl).HasMaxLength(2048);
        builder.Property(p => p.PublishedKey).HasMaxLength(512);
        builder.Property(p => p.PublishedETag).HasMaxLength(80);
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.HasIndex(p => new { p.UserId, p.UpdatedAt });
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LandingPageVersionConfiguration : IEntityTypeConfiguration<LandingPageVersion>
{
    public void Configure(EntityTypeBuilder<LandingPageVersion> builder)
    {
        builder.ToTable("LandingPageVersions");
        builder.Property(v => v.ContentJson).IsRequired();
        builder.HasIndex(v => new { v.LandingPageId, v.Version }).IsUnique();
        builder.HasIndex(v => v.UserId);
        builder.HasOne<LandingPage>().WithMany().HasForeignKey(v => v.LandingPageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LandingPageLeadConfiguration : IEntityTypeConfiguration<LandingPageLead>
{
    public void Configure(EntityTypeBuilder<LandingPageLead> builder)
    {
        builder.ToTable("LandingPageLeads");
        builder.Property(l => l.FieldsJson).IsRequired();
        builder.Property(l => l.Email).HasMaxLength(254);
        builder.HasIndex(l => new { l.LandingPageId, l.CreatedAt });
        builder.HasIndex(l => new { l.UserId, l.CreatedAt });
        builder.HasOne<LandingPage>().WithMany().HasForeignKey(l => l.LandingPageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LandingPageDailyStatConfiguration : IEntityTypeConfiguration<LandingPageDailyStat>
{
    public void Configure(EntityTypeBuilder<LandingPageDailyStat> builder)
    {
        builder.ToTable("LandingPageDailyStats");
        builder.HasKey(s => new { s.LandingPageId, s.Date });
        builder.HasIndex(s => new { s.UserId, s.Date });
        builder.HasOne<LandingPage>().WithMany().HasForeignKey(s => s.LandingPageId).OnDelete(DeleteBehavior.Cascade);
    }
}
