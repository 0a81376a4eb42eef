using System.Text;

namespace AdPilot.Web.Features.Agent.Offline;

internal static class Markdown
{
    public static string Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", headers.Select(Cell)).Append(" |\n");
        text.Append('|').AppendJoin('|', headers.Select(_ => "---")).Append("|\n");
        foreach (var row in rows)
        {
            text.Append("| ").AppendJoin(" | ", row.Select(Cell)).Append(" |\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// Text from elsewhere (a web page's title, a file name) shown as itself: every character Markdown acts on is escaped,
    /// so it cannot become a link, an image (a request to a tracker) or code (pipes are left to <see cref="Table"/>, which escapes them).
    /// </summary>
    public static string Escape(string text)
    {
        var escaped = new System.Text.StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '(' or ')' or '<' or '>' or '!' or '#' or '~' or '{' or '}')
            {
                escaped.Append('\\');
            }

            escaped.Append(c is '\n' or '\r' ? ' ' : c);
        }

        return escaped.ToString();
    }

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');
}
