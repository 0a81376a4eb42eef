using AdPilot.Core.Common;
using AdPilot.Core.Credits;
using AdPilot.Core.Identity;
using AdPilot.Web.Features.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdPilot.Web.Features.Admin;

internal static class AdminCreditConfigApi
{
    public static void MapAdminCreditConfigApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin/credit-config").WithTags("Admin").RequireAuthorization(Policies.Admin);
        group.MapGet("/", GetConfig);
        group.MapPut("/", UpdateConfig);
        group.MapGet("/history", History);
    }

    private static async Task<Ok<CreditConfigView>> GetConfig(CreditConfigService configs, CancellationToken ct) =>
        TypedResults.Ok(await configs.GetCurrentAsync(ct));

    private static async Task<Ok<CreditConfigView>> UpdateConfig(CreditSettings settings, HttpContext http, CreditConfigService configs, CancellationToken ct) =>
        TypedResults.Ok(await configs.UpdateAsync(http.User.UserId(), http.User.FindFirst(AppClaims.Email)?.Value ?? "", settings, ct));

    private static async Task<Ok<Paged<CreditConfigChangeView>>> History(CreditConfigService configs, CancellationToken ct, int page = 1, int pageSize = 50) =>
        TypedResults.Ok(await configs.HistoryAsync(page, pageSize, ct));
}
