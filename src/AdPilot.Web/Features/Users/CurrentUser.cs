using AdPilot.Core.Users;

namespace AdPilot.Web.Features.Users;

/// <summary>
/// The signed-in user's profile for one circuit: loaded once, shared by the shell and pages, and updated when the
/// profile is saved so the header shows the new name and avatar without a reload.
/// </summary>
public sealed class CurrentUser(UserService users)
{
    private UserProfile? _profile;

    public event Action? Changed;

    public async Task<UserProfile> GetAsync(long userId, CancellationToken ct = default) =>
        _profile is { } cached && cached.Id == userId ? cached : _profile = await users.GetAsync(userId, ct);

    /// <summary>After a change made elsewhere (an uploaded avatar): the shell shows it at once.</summary>
    public void Replace(UserProfile profile)
    {
        _profile = profile;
        Changed?.Invoke();
    }

    public async Task<UserProfile> UpdateAsync(long userId, UpdateProfileRequest request, CancellationToken ct = default)
    {
        _profile = await users.UpdateProfileAsync(userId, request, ct);
        Changed?.Invoke();
        return _profile;
    }
}
