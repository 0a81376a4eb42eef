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
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.HasIndex(p => new { p.UserId, p.UpdatedAt });
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
