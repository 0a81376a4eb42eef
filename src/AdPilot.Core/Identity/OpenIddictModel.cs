using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace AdPilot.Core.Identity;

/// <summary>
/// OpenIddict's tables (the OAuth 2.1 server for MCP clients, docs/decisions/018), with keys short enough for MySQL's
/// 3,072-byte index limit in utf8mb4: ids are GUID strings and subjects are our numeric user ids.
/// </summary>
internal static class OpenIddictModel
{
    private const int KeyLength = 64;
    private const int SubjectLength = 64;

    // OpenIddict's status values (OpenIddictConstants.Statuses, not referenced by Core).
    private const string Valid = "valid";
    private const string Revoked = "revoked";

    /// <summary>
    /// "Sign out everywhere" for MCP clients: every OAuth grant (authorization) and token of the user is revoked, so
    /// refresh fails and, with OpenIddict's entry validation, access tokens are refused at their next call.
    /// </summary>
    public static async Task RevokeAllAsync(AppDbContext db, long userId, CancellationToken ct)
    {
        var subject = userId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await db.Set<OpenIddictEntityFrameworkCoreAuthorization>().Where(a => a.Subject == subject && a.Status == Valid)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, Revoked), ct);
        await db.Set<OpenIddictEntityFrameworkCoreToken>().Where(t => t.Subject == subject && t.Status == Valid)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, Revoked), ct);
    }

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.UseOpenIddict();
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreApplication>(b => b.Property(a => a.Id).HasMaxLength(KeyLength));
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreScope>(b => b.Property(s => s.Id).HasMaxLength(KeyLength));
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreAuthorization>(b =>
        {
            b.Property(a => a.Id).HasMaxLength(KeyLength);
            b.Property<string>("ApplicationId").HasMaxLength(KeyLength);
            b.Property(a => a.Subject).HasMaxLength(SubjectLength);
        });
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreToken>(b =>
        {
            b.Property(t => t.Id).HasMaxLength(KeyLength);
            b.Property<string>("ApplicationId").HasMaxLength(KeyLength);
            b.Property<string>("AuthorizationId").HasMaxLength(KeyLength);
            b.Property(t => t.Subject).HasMaxLength(SubjectLength);
        });
    }
}
