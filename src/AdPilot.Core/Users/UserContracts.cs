using System.ComponentModel.DataAnnotations;
using AdPilot.Core.Common;

namespace AdPilot.Core.Users;

public sealed record UserProfile(
    long Id,
    string Email,
    string? Name,
    string? AvatarUrl,
    string Language,
    string TimeZone,
    string Role,
    DateTime CreatedAt);

/// <summary>A partial update: only the fields that are present change.</summary>
public sealed record UpdateProfileRequest
{
    [StringLength(200, ErrorMessage = "Name must be at most 200 characters.")]
    public string? Name { get; set; }

    [AllowedValues("en", "zh-CN", null, ErrorMessage = "Language must be en or zh-CN.")]
    public string? Language { get; set; }

    [IanaTimeZone]
    public string? TimeZone { get; set; }

    [HttpUrl]
    [StringLength(2048, ErrorMessage = "Avatar URL must be at most 2048 characters.")]
    public string? AvatarUrl { get; set; }
}

/// <summary>The identity a sign-in provider vouches for.</summary>
public sealed record ExternalIdentity(string Provider, string Subject, string Email, string? Name, string? AvatarUrl);

public static class Roles
{
    public const string User = "user";
    public const string Admin = "admin";
}
