using AdPilot.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdPilot.Core.AdAccounts;

internal sealed class AdAccountConfiguration : IEntityTypeConfiguration<AdAccount>
{
    public void Configure(EntityTypeBuilder<AdAccount> builder)
    {
        builder.ToTable("AdAccounts");
        builder.Property(a => a.Platform).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.PlatformAccountId).HasMaxLength(64).IsRequired();
        builder.Property(a => a.Name).HasMaxLength(200).IsRequired();
        builder.Property(a => a.Currency).HasMaxLength(3).IsRequired();
        builder.Property(a => a.TimeZone).HasMaxLength(64).IsRequired();
        builder.Property(a => a.AccessTokenCiphertext).HasMaxLength(4096);
        builder.Property(a => a.RefreshTokenCiphertext).HasMaxLength(4096);
        builder.Property(a => a.TokenKeyId).HasMaxLength(64);
        builder.HasIndex(a => new { a.UserId, a.Platform, a.PlatformAccountId }).IsUnique();
        builder.HasIndex(a => new { a.Status, a.TokenExpiresAt });
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
