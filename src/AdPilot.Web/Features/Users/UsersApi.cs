using AdPilot.Core.Users;
using AdPilot.Web.Features.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdPilot.Web.Features.Users;

internal static class UsersApi
{
    public static void MapUsersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/users").WithTags("Users").RequireAuthorization();
        group.MapGet("/me", GetMe);
        group.MapPatch("/me", UpdateMe);
    }

    private static async Task<Ok<UserProfile>> GetMe(HttpContext http, UserService users, CancellationToken ct) =>
        TypedResults.Ok(await users.GetAsync(http.User.UserId(), ct));

    private static async Task<Ok<UserProfile>> UpdateMe(UpdateProfileRequest request, HttpContext http, UserService users, CancellationToken ct)
    {
        var profile = await users.UpdateProfileAsync(http.User.UserId(), request, ct);
        CultureCookie.Write(http, profile.Language);
        return TypedResults.Ok(profile);
    }
}
