using System.ComponentModel.DataAnnotations;

namespace AdPilot.Core.Common;

/// <summary>An IANA time zone id such as <c>Europe/Paris</c>; null passes (nothing to change).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class IanaTimeZoneAttribute : ValidationAttribute
{
    public IanaTimeZoneAttribute() : base("Time zone must be an IANA time zone such as Europe/Paris.") { }

    public override bool IsValid(object? value) => value switch
    {
        null => true,
        string id => IsIana(id),
        _ => false,
    };

    public static bool IsIana(string id) =>
        !string.IsNullOrWhiteSpace(id)
        && id.Length <= 64
        && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
        && zone.HasIanaId;
}

/// <summary>An absolute http or https URL; null or empty passes.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class HttpUrlAttribute : ValidationAttribute
{
    public HttpUrlAttribute() : base("Must be an absolute http or https URL.") { }

    public override bool IsValid(object? value) => value switch
    {
        null => true,
        string s when s.Length == 0 => true,
        string s => Uri.TryCreate(s, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp),
        _ => false,
    };
}

/// <summary>A path on AdPilot's own site, such as <c>/campaigns/12</c>: never another host (<c>//host</c>, <c>/\host</c>); null passes.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class LocalPathAttribute : ValidationAttribute
{
    public LocalPathAttribute() : base("Must be a path in AdPilot starting with one /, e.g. /campaigns/12.") { }

    public override bool IsValid(object? value) => value switch
    {
        null => true,
        string s => IsLocal(s),
        _ => false,
    };

    /// <summary>Also what the UI checks before navigating to a stored link (rows written before the rule existed).</summary>
    public static bool IsLocal(string s) =>
        s.Length > 0 && s[0] == '/' && (s.Length == 1 || (s[1] != '/' && s[1] != '\\')) && !s.Any(char.IsControl);
}
