namespace AdPilot.Core.Platforms;

public enum PlatformErrorKind
{
    /// <summary>The grant is expired or revoked: the user must authorise again.</summary>
    AuthExpired,

    /// <summary>Throttled; <see cref="PlatformException.RetryAfter"/> says when to try again where the platform told us.</summary>
    RateLimited,

    /// <summary>The platform refused the request; <see cref="PlatformException.PlatformMessage"/> says why.</summary>
    Validation,

    /// <summary>Network failure, timeout or a 5xx: worth retrying later.</summary>
    Transient,

    NotFound,
}

/// <summary>A platform failure, normalised. The message never contains a token.</summary>
public sealed class PlatformException(
    PlatformErrorKind kind,
    string platformMessage,
    string? platformCode = null,
    TimeSpan? retryAfter = null,
    Exception? inner = null)
    : Exception($"{kind}: {platformMessage}", inner)
{
    public PlatformErrorKind Kind { get; } = kind;
    public string PlatformMessage { get; } = platformMessage;
    public string? PlatformCode { get; } = platformCode;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
