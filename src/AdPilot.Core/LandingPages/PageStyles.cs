using System.Globalization;
using System.Text.RegularExpressions;

namespace AdPilot.Core.LandingPages;

/// <summary>
/// The page's one inline style sheet. The only values from the document are the theme's colours, re-checked against the
/// hex pattern here (a bad one falls back to the default), and the font and button style, which select fixed text. No
/// web fonts: each <see cref="PageFont"/> is a system font stack, so nothing blocks the first paint.
/// </summary>
internal static partial class PageStyles
{
    private const string Base =
        "*,*::before,*::after{box-sizing:border-box}html{-webkit-text-size-adjust:100%}"
        + "body{margin:0;font-family:var(--font);background:var(--bg);color:var(--text);line-height:1.6;font-size:1.0625rem;overflow-wrap:break-word}"
        + "img{max-width:100%;height:auto;display:block}a{color:var(--primary)}"
        + ".b{padding:2.5rem 1.25rem}.hd{padding-bottom:0}.hd+.b{padding-top:1rem}.w{max-width:46rem;margin:0 auto}.c{text-align:center}.l{text-align:left}"
        + "h1{font-size:clamp(2rem,6vw,3.25rem);line-height:1.15;margin:0 0 1rem}h2{font-size:clamp(1.5rem,4vw,2.1rem);line-height:1.25;margin:0 0 .75rem}"
        + "h3{font-size:1.3rem;line-height:1.3;margin:0 0 .5rem}p{margin:0 0 1rem}"
        + ".hero{position:relative;overflow:hidden;padding:4.5rem 1.25rem;background:var(--primary);color:var(--on-primary)}"
        + ".hero .bg{position:absolute;inset:0;width:100%;height:100%;object-fit:cover;opacity:.3}.hero .w{position:relative}"
        + ".hero p{font-size:1.2rem;margin-bottom:1.75rem}"
        + ".btn{display:inline-block;padding:.8rem 1.6rem;border:0;border-radius:var(--radius);background:var(--primary);color:var(--on-primary);"
        + "font:inherit;font-weight:600;line-height:1.3;text-decoration:none;cursor:pointer}"
        + ".hero .btn{background:var(--on-primary);color:var(--primary)}.btn:hover{filter:brightness(1.08)}"
        + ".btn:focus-visible,a:focus-visible,input:focus-visible,textarea:focus-visible{outline:3px solid var(--text);outline-offset:2px}"
        + ".btn[disabled]{opacity:.6;cursor:default}"
        + ".rt ul,.rt ol{padding-left:1.4rem;text-align:left}.img img{margin:0 auto;border-radius:8px}"
        + ".fl{list-style:none;padding:0;margin:1.5rem 0 0;display:grid;gap:1.25rem;grid-template-columns:repeat(auto-fit,minmax(13rem,1fr));text-align:left}"
        + ".fl li{padding:1.25rem;border-radius:10px;background:color-mix(in srgb,var(--primary) 8%,var(--bg))}"
        + ".fl .i{font-size:1.6rem;display:block}.fl strong{display:block;margin:.25rem 0}.fl p{margin:0}"
        + ".q figure,.q blockquote{margin:0}.q blockquote{font-size:1.15rem;font-style:italic}.q figcaption{margin-top:1rem}"
        + ".q img{width:3.5rem;height:3.5rem;border-radius:50%;object-fit:cover;margin:0 auto .5rem}.q .r{display:block;opacity:.75;font-size:.9rem}"
        + ".v{position:relative;aspect-ratio:16/9}.v iframe{position:absolute;inset:0;width:100%;height:100%;border:0;border-radius:8px}"
        + "form{display:grid;gap:1rem;text-align:left;max-width:30rem;margin:1.25rem auto 0}label{display:block;font-weight:600;margin-bottom:.3rem}"
        + "input,textarea{width:100%;padding:.7rem .8rem;font:inherit;color:inherit;background:var(--bg);"
        + "border:1px solid color-mix(in srgb,var(--text) 35%,transparent);border-radius:6px}textarea{min-height:7rem}"
        + ".e{color:#b00020;font-size:.9rem;margin:.25rem 0 0}.e:empty{display:none}.n{font-size:.9rem;opacity:.75;margin:0}"
        + ".ok{font-size:1.15rem;font-weight:600;text-align:center}"
        + ".hp{position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}"
        + "footer{font-size:.9rem;opacity:.85;border-top:1px solid color-mix(in srgb,var(--text) 15%,transparent)}"
        + "@media (max-width:600px){.b{padding:1.75rem 1rem}.hd{padding-bottom:0}.hero{padding:3rem 1rem}.btn{display:block;text-align:center}}";

    private static readonly PageTheme Defaults = new();

    public static string For(PageTheme? theme)
    {
        theme ??= Defaults;
        var primary = Color(theme.PrimaryColor, Defaults.PrimaryColor);
        return $":root{{--primary:{primary};--on-primary:{OnColor(primary)};--bg:{Color(theme.BackgroundColor, Defaults.BackgroundColor)};"
            + $"--text:{Color(theme.TextColor, Defaults.TextColor)};--font:{Font(theme.Font)};--radius:{Radius(theme.ButtonStyle)}}}" + Base;
    }

    /// <summary>The colour when it is exactly <c>#RRGGBB</c>; the default otherwise (defence in depth: validation already refused it).</summary>
    public static string Color(string? value, string fallback) => value is not null && Hex().IsMatch(value) ? value : fallback;

    /// <summary>White or near-black, whichever reads better on <paramref name="hex"/> (relative luminance, WCAG).</summary>
    private static string OnColor(string hex)
    {
        double Channel(int i)
        {
            var c = int.Parse(hex.AsSpan(1 + (i * 2), 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        var luminance = (0.2126 * Channel(0)) + (0.7152 * Channel(1)) + (0.0722 * Channel(2));
        return luminance > 0.4 ? "#111827" : "#FFFFFF";
    }

    private static string Font(PageFont font) => font switch
    {
        PageFont.Serif => "Georgia,Cambria,\"Times New Roman\",\"Songti SC\",SimSun,serif",
        PageFont.Rounded => "ui-rounded,\"SF Pro Rounded\",\"Hiragino Maru Gothic ProN\",Quicksand,Nunito,system-ui,sans-serif",
        PageFont.Mono => "ui-monospace,SFMono-Regular,Menlo,Consolas,\"Liberation Mono\",monospace",
        _ => "system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,\"Noto Sans\",\"PingFang SC\",\"Microsoft YaHei\",sans-serif",
    };

    private static string Radius(ButtonStyle style) => style switch
    {
        ButtonStyle.Square => "0",
        ButtonStyle.Pill => "999px",
        _ => "8px",
    };

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$", RegexOptions.CultureInvariant, 50)]
    private static partial Regex Hex();
}
