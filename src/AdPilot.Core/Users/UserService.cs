using AdPilot.Core.Common;
using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdPilot.Core.Users;

public sealed class UserService(
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider clock,
    IOptions<AdminOptions> admins,
    IEnumerable<IUserSignInHandler>? signInHandlers = null)
{
    /// <summary>
    /// Creates the user on the first sign-in for a provider subject and returns the same user afterwards.
    /// Concurrent first sign-ins race on the unique (provider, subject) index; the loser reads the winner's row.
    /// </summary>
    public async Task<UserProfile> SignInAsync(ExternalIdentity identity, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var user = await db.Users.SingleOrDefaultAsync(u => u.AuthProvider == identity.Provider && u.Subject == identity.Subject, ct);
            if (user is null)
            {
                user = new User
                {
                    AuthProvider = identity.Provider,
                    Subject = identity.Subject,
                    Name = identity.Name,
                    AvatarUrl = identity.AvatarUrl,
                    CreatedAt = now,
                };
                db.Users.Add(user);
            }

            user.Email = identity.Email;
            user.LastSignInAt = now;
            user.UpdatedAt = now;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another request created the same user first: loop and read it.
                continue;
            }

            var profile = ToProfile(user);
            foreach (var handler in signInHandlers ?? [])
            {
                await handler.OnSignedInAsync(profile, ct);
            }

            return profile;
        }
    }

    public async Task<UserProfile> GetAsync(long userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct)
            ?? throw new NotFoundException("User", userId);
        return ToProfile(user);
    }

    public async Task<UserProfile> UpdateProfileAsync(long userId, UpdateProfileRequest request, CancellationToken ct = default)
    {
        RequestValidator.Validate(request);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct)
            ?? throw new NotFoundException("User", userId);
        if (request.Name is not null)
        {
            user.Name = string.IsNullOrWhiteSpace(request.Name) ? null : request.Name.Trim();
        }

        if (request.Language is not null)
        {
            user.Language = request.Language;
        }

        if (request.TimeZone is not null)
        {
            user.TimeZone = request.TimeZone;
        }

        if (request.AvatarUrl is not null)
        {
            user.AvatarUrl = request.AvatarUrl.Length == 0 ? null : request.AvatarUrl;
        }

        user.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return ToProfile(user);
    }

    public string RoleOf(string email) => admins.Value.IsAdmin(email) ? Roles.Admin : Roles.User;

    private UserProfile ToProfile(User u) =>
        new(u.Id, u.Email, u.Name, u.AvatarUrl, u.Language, u.TimeZone, RoleOf(u.Email), u.CreatedAt);
}
