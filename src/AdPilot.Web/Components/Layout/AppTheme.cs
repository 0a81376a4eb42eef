using MudBlazor;

namespace AdPilot.Web.Components.Layout;

/// <summary>One theme for the product; fonts are system fonts because nothing is fetched from a font CDN.</summary>
public static class AppTheme
{
    private static readonly string[] FontStack = ["Roboto", "\"DejaVu Sans\"", "\"Segoe UI\"", "Helvetica", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1E63D6",
            Secondary = "#7C4DFF",
            AppbarBackground = "#FFFFFF",
            AppbarText = "#1F2937",
            Background = "#F7F8FA",
            DrawerBackground = "#FFFFFF",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#6EA8FE",
            Secondary = "#B39DDB",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontStack },
        },
    };
}
