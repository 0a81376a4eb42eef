namespace AdPilot.Core.Users;

public sealed class User
{
    public long Id { get; set; }

    /// <summary>Who vouches for the identity: <c>google</c>, or <c>dev</c> for the Development-only e-mail sign-in.</summary>
    public string AuthProvider { get; set; } = AuthProviders.Google;

    /// <summary>The provider's stable subject (Google's <c>sub</c>); unique together with <see cref="AuthProvider"/>.</summary>
    public string Subject { get; set; } = "";

    public string Email { get; set; } = "";
    public string? Name { get; set; }
    public string? AvatarUrl { get; set; }
    public string Language { get; set; } = SupportedLanguages.Default;
    public string TimeZone { get; set; } = "UTC";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime LastSignInAt { get; set; }

    /// <summary>Global switch: off, only urgent notifications show in the app (per-category preferences apply below it).</summary>
    public bool NotificationsInApp { get; set; } = true;

    /// <summary>Global switch: off, no e-mail is sent except for urgent notifications.</summary>
    public bool NotificationsEmail { get; set; } = true;

    /// <summary>"Sign out everywhere": sessions and access tokens issued before this instant are no longer accepted.</summary>
    public DateTime? SessionsValidAfter { get; set; }
}

public static class AuthProviders
{
    public const string Google = "google";
    public const string Dev = "dev";
}

public static class SupportedLanguages
{
    public const string Default = "en";
    public static readonly IReadOnlyList<string> All = ["en", "zh-CN"];
}
