using System.ComponentModel.DataAnnotations;

namespace AdPilot.Web.Features.Identity;

public sealed record DevTokenRequest([property: Required, EmailAddress, StringLength(320)] string Email);

public sealed record RefreshRequest([property: Required, StringLength(200)] string RefreshToken);

public sealed record LogoutRequest([property: StringLength(200)] string? RefreshToken);
