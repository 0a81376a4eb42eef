using System.Globalization;
using AdPilot.Core.Common;

namespace AdPilot.Web.Features.Mcp;

/// <summary>Dates in tool arguments: <c>yyyy-MM-dd</c> strings, refused with a field error naming the parameter.</summary>
public static class ToolDates
{
    public static DateOnly? Parse(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw ValidationFailedException.For(field, $"'{value}' is not a date. Use yyyy-MM-dd, for example 2026-11-01.");
    }
}
