using System.Globalization;
using System.Security.Claims;
using AdPilot.Core.Common;
using AdPilot.Core.Identity;
using AdPilot.Core.Users;

namespace AdPilot.Web.Features.Identity;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in user's id; every service call is scoped by it.</summary>
    public static long UserId(this ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(AppClaims.UserId), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new UnauthorizedException("unauthenticated", "Sign in first.");

    public static ClaimsPrincipal ToPrincipal(this UserProfile user, string authenticationType) =>
        new(new ClaimsIdentity(
            [
                new Claim(AppClaims.UserId, user.Id.ToString(CultureInfo.InvariantCulture)),
                new Claim(AppClaims.Email, user.Email),
                new Claim(AppClaims.Name, user.Name ?? user.Email),
                new Claim(AppClaims.Role, user.Role),
            ],
            authenticationType,
            AppClaims.Email,
            AppClaims.Role));
}
