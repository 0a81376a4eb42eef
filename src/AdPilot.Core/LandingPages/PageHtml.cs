using System.Text;

namespace AdPilot.Core.LandingPages;

/// <summary>
/// Encoding for the renderer. Every user value goes through <see cref="Text"/> (element text) or <see cref="Attr"/>
/// (a double-quoted attribute value), which escape the five HTML-significant characters and drop control characters
/// (NUL included); non-ASCII text stays as it is (the file is UTF-8), so Chinese pages do not triple in size.
/// </summary>
internal static class PageHtml
{
    public static StringBuilder Text(this StringBuilder html, string? value) => Escape(html, value);

    public static StringBuilder Attr(this StringBuilder html, string name, string? value)
    {
        html.Append(' ').Append(name).Append("=\"");
        return Escape(html, value).Append('"');
    }

    private static StringBuilder Escape(StringBuilder html, string? value)
    {
        foreach (var c in value ?? "")
        {
            switch (c)
            {
                case '&': html.Append("&amp;"); break;
                case '<': html.Append("&lt;"); break;
                case '>': html.Append("&gt;"); break;
                case '"': html.Append("&quot;"); break;
                case '\'': html.Append("&#39;"); break;
                case '\t' or '\n' or '\r': html.Append(c); break;
                default:
                    if (!char.IsControl(c))
                    {
                        html.Append(c);
                    }

                    break;
            }
        }

        return html;
    }
}
