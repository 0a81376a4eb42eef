namespace AdPilot.Web.Features.Identity;

/// <summary>
/// E-mail-only sign-in for the embedded default: on only in Development and only while no Google client is
/// configured. It proves nothing about who the user is, so it must never be reachable in Production.
/// </summary>
public sealed class DevSignIn(IWebHostEnvironment environment, Microsoft.Extensions.Options.IOptions<GoogleSignInOptions> google)
{
    public bool IsEnabled { get; } = environment.IsDevelopment() && !google.Value.IsConfigured;
}
