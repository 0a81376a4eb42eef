using AdPilot.Core.Users;
using Microsoft.AspNetCore.Localization;
using MudBlazor;
using MudBlazor.Services;

namespace AdPilot.Web.Hosting;

internal static class UiSetup
{
    public static void AddUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddScoped<Features.Users.CurrentUser>();
        builder.Services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            o.SnackbarConfiguration.VisibleStateDuration = 5000;
            o.SnackbarConfiguration.PreventDuplicates = true;
            o.SnackbarConfiguration.ShowCloseIcon = true;
        });
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            string[] cultures = [.. SupportedLanguages.All];
            o.SetDefaultCulture(SupportedLanguages.Default).AddSupportedCultures(cultures).AddSupportedUICultures(cultures);
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // The signed-in user's choice (cookie) wins; a visitor gets the browser's language.
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
    }
}
