using System.Globalization;
using System.Security.Claims;
using AdPilot.Core.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace AdPilot.Web.Features.Identity.Sessions;

/// <summary>
/// An open page (a Blazor circuit) is signed out as soon as its session is: it re-checks when a revocation for the user
/// reaches this node (and then leaves for the signed-out home page), and every <see cref="RevalidationInterval"/> in case
/// a revocation message was lost.
/// </summary>
internal sealed class SessionAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private readonly SessionValidator _validator;
    private readonly NavigationManager _navigation;
    private IDisposable? _subscription;

    public SessionAuthenticationStateProvider(ILoggerFactory loggerFactory, SessionValidator validator, NavigationManager navigation)
        : base(loggerFactory)
    {
        _validator = validator;
        _navigation = navigation;
        AuthenticationStateChanged += async state => Watch((await state).User);
    }

    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        await IsValidAsync(authenticationState.User, cancellationToken);

    private void Watch(ClaimsPrincipal user)
    {
        _subscription?.Dispose();
        _subscription = null;
        if (UserId(user) is { } userId)
        {
            _subscription = _validator.RevocationToken(userId).RegisterChangeCallback(_ => _ = RecheckAsync(user), null);
        }
    }

    private async Task RecheckAsync(ClaimsPrincipal user)
    {
        try
        {
            if (await IsValidAsync(user, CancellationToken.None))
            {
                Watch(user);
                return;
            }

            try
            {
                // Where the sign-out form (or the account deletion) lands too: when this very page signed itself out or
                // deleted the account, both navigations agree.
                var deleted = UserId(user) is { } userId && !await _validator.UserExistsAsync(userId, CancellationToken.None);
                _navigation.NavigateTo(deleted ? "/?accountDeleted=1" : "/?signedOut=1", forceLoad: true);
            }
            catch (Exception ex) when (ex is NavigationException or InvalidOperationException)
            {
                SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Watch(user); // the periodic check still runs
        }
    }

    private async Task<bool> IsValidAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (UserId(user) is not { } userId || user.SessionId() is not { } session)
        {
            return user.Identity?.IsAuthenticated != true;
        }

        return await _validator.IsSessionValidAsync(userId, session, user.SessionStartedAt() ?? DateTime.MinValue, ct);
    }

    private static long? UserId(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(AppClaims.UserId), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    protected override void Dispose(bool disposing)
    {
        _subscription?.Dispose();
        base.Dispose(disposing);
    }
}
