using System.ComponentModel.DataAnnotations;

namespace AdPilot.Core.Creatives;

/// <summary>Tags are stored lower-case and trimmed, without duplicates.</summary>
public static class CreativeTagRules
{
    public const int MaxTags = 20;
    public const int MaxLength = 50;

    public static List<string> Normalize(IEnumerable<string>? tags) =>
        (tags ?? []).Select(t => string.Join(' ', t.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToLowerInvariant())
            .Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Splits the API's comma-separated form (<c>summer, sale</c>).</summary>
    public static List<string>? Split(string? commaSeparated) =>
        commaSeparated is null ? null : [.. commaSeparated.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class CreativeTagsAttribute : ValidationAttribute
{
    public CreativeTagsAttribute()
        : base($"At most {CreativeTagRules.MaxTags} tags of at most {CreativeTagRules.MaxLength} characters each.")
    {
    }

    public override bool IsValid(object? value) => value switch
    {
        null => true,
        // A null tag is reported by RequestValidator on its own path (tags[0]); here it only makes the list invalid.
        IEnumerable<string> tags when tags.Any(t => t is null) => false,
        IEnumerable<string> tags => CreativeTagRules.Normalize(tags) is var normalized
            && normalized.Count <= CreativeTagRules.MaxTags && normalized.All(t => t.Length <= CreativeTagRules.MaxLength),
        _ => false,
    };
}
