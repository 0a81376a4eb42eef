namespace AdPilot.Core.Identity;

/// <summary>What an API client receives: a short-lived JWT and a rotating refresh token.</summary>
public sealed record TokenPair(string AccessToken, string RefreshToken, int ExpiresIn, string TokenType = "Bearer");
