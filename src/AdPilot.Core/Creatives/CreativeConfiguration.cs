using AdPilot.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdPilot.Core.Creatives;

internal sealed class CreativeConfiguration : IEntityTypeConfiguration<Creative>
{
    public void Configure(EntityTypeBuilder<Creative> builder)
    {
        builder.ToTable("Creatives");
        builder.Property(c => c.Name).HasMaxLength(200).IsRequired();
        builder.Property(c => c.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.StorageKey).HasMaxLength(512).IsRequired();
        builder.Property(c => c.ThumbnailKey).HasMaxLength(512);
        builder.Property(c => c.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(c => c.QualityNotes).HasMaxLength(2000);
        builder.HasIndex(c => new { c.UserId, c.CreatedAt });
        builder.HasIndex(c => new { c.UserId, c.Type, c.Status });
        // One creative per stored file: two completions of one upload racing each other cannot both keep it.
        builder.HasIndex(c => c.StorageKey).IsUnique();
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Tags).WithOne().HasForeignKey(t => t.CreativeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CreativeTagConfiguration : IEntityTypeConfiguration<CreativeTag>
{
    public void Configure(EntityTypeBuilder<CreativeTag> builder)
    {
        builder.ToTable("CreativeTags");
        builder.HasKey(t => new { t.CreativeId, t.Tag });
        builder.Property(t => t.Tag).HasMaxLength(50);
        builder.HasIndex(t => t.Tag);
    }
}
