using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdPilot.Core.Users;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("Users");
        builder.Property(u => u.AuthProvider).HasMaxLength(16).IsRequired();
        builder.Property(u => u.Subject).HasMaxLength(255).IsRequired();
        builder.Property(u => u.Email).HasMaxLength(320).IsRequired();
        builder.Property(u => u.Name).HasMaxLength(200);
        builder.Property(u => u.AvatarUrl).HasMaxLength(2048);
        builder.Property(u => u.Language).HasMaxLength(16).IsRequired();
        builder.Property(u => u.TimeZone).HasMaxLength(64).IsRequired();
        // Existing users keep getting notifications; the sentinel makes EF send false (and leave true to the default).
        builder.Property(u => u.NotificationsInApp).HasDefaultValue(true).HasSentinel(true);
        builder.Property(u => u.NotificationsEmail).HasDefaultValue(true).HasSentinel(true);
        builder.HasIndex(u => new { u.AuthProvider, u.Subject }).IsUnique();
        builder.HasIndex(u => u.Email);
    }
}
