using System.ComponentModel;
using System.Globalization;
using System.Text;
using AdPilot.Core.Common;

namespace AdPilot.Web.Features.Mcp;

/// <summary>One page of a list tool's results and the cursor of the next page (null on the last page).</summary>
public sealed record ToolPage<T>(
    [property: Description("The items of this page.")] IReadOnlyList<T> Items,
    [property: Description("How many items match in all.")] int Total,
    [property: Description("Pass as cursor to get the next page; null when this is the last page.")] string? NextCursor);

/// <summary>Opaque cursors over the services' page numbers, so clients page with <c>cursor</c> as MCP lists do.</summary>
public static class ToolPaging
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    public static int Page(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return 1;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith("p:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page is >= 1 and <= 10_000)
            {
                return page;
            }
        }
        catch (FormatException)
        {
            // falls through to the validation error
        }

        throw ValidationFailedException.For("cursor", "This cursor is not one AdPilot returned. Omit it to start from the first page.");
    }

    public static int PageSize(int? pageSize) => pageSize switch
    {
        null => DefaultPageSize,
        >= 1 and <= MaxPageSize => pageSize.Value,
        _ => throw ValidationFailedException.For("page_size", $"Use 1 to {MaxPageSize}."),
    };

    public static ToolPage<TOut> From<TIn, TOut>(Paged<TIn> paged, Func<TIn, TOut> map) =>
        new(paged.Items.Select(map).ToList(), paged.Total, paged.Page * paged.PageSize < paged.Total ? Cursor(paged.Page + 1) : null);

    public static ToolPage<T> From<T>(Paged<T> paged) => From(paged, x => x);

    private static string Cursor(int page) => Convert.ToBase64String(Encoding.UTF8.GetBytes("p:" + page.ToString(CultureInfo.InvariantCulture)));
}
