namespace AdPilot.Core.Users;

/// <summary>Something that happens at every sign-in (e.g. the one-time signup gift); handlers must be idempotent.</summary>
public interface IUserSignInHandler
{
    Task OnSignedInAsync(UserProfile user, CancellationToken ct);
}
