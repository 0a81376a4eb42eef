using AdPilot.Core.Common;

namespace AdPilot.Web.Api;

/// <summary>Enum query parameters in the API's snake_case spelling (<c>?type=deduct</c>, <c>?groupBy=week</c>).</summary>
internal static class QueryEnum
{
    public static T? Parse<T>(string? value, string field)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Enum.TryParse<T>(value.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw ValidationFailedException.For(field, $"Use one of: {string.Join(", ", Enum.GetNames<T>().Select(n => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(n)))}.");
    }
}
