using AdPilot.Core.AccountDeletion;
using AdPilot.Core.Users;
using AdPilot.Web.Features.Identity;
using AdPilot.Web.Features.Privacy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AdPilot.Web.Features.Users;

internal static class UsersApi
{
    public static void MapUsersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/users").WithTags("Users").RequireAuthorization();
        group.MapGet("/me", GetMe);
        group.MapPatch("/me", UpdateMe);
        group.MapDelete("/me", DeleteMe);
    }

    private static async Task<Ok<UserProfile>> GetMe(HttpContext http, UserService users, CancellationToken ct) =>
        TypedResults.Ok(await users.GetAsync(http.User.UserId(), ct));

    private static async Task<Ok<UserProfile>> UpdateMe(UpdateProfileRequest request, HttpContext http, UserService users, CancellationToken ct)
    {
        var profile = await users.UpdateProfileAsync(http.User.UserId(), request, ct);
        CultureCookie.Write(http, profile.Language);
        return TypedResults.Ok(profile);
    }

    /// <summary>
    /// Deletes the account and everything in it (ledger and payment records are kept anonymised). Needs a sign-in within the
    /// last 10 minutes (403 <c>reauthentication_required</c>; access tokens never qualify) and <c>{"confirmation":"DELETE"}</c>
    /// (400 <c>confirmation_mismatch</c>); both refusals delete nothing.
    /// </summary>
    private static async Task<Ok<AccountDeletionResult>> DeleteMe([FromBody] DeleteAccountRequest request, HttpContext http, AccountDeletionService deletion, CancellationToken ct)
    {
        var result = await deletion.DeleteAsync(http.User.UserId(), request, http.User.DeletionCaller(), ct);
        if (http.User.Identity?.AuthenticationType == AuthSchemes.Cookie)
        {
            await http.SignOutAsync(AuthSchemes.Cookie);
        }

        return TypedResults.Ok(result);
    }
}
