namespace AdPilot.Web.Features.Identity.Sessions;

/// <summary>
/// Where a session's "place" comes from: the first CDN viewer-country and city headers present (CloudFront, Cloudflare),
/// else the client IP with its host part masked. Only trust these headers when a CDN that sets them sits in front.
/// </summary>
public sealed class UserSessionOptions
{
    public const string Section = "Sessions";

    public string[] CountryHeaders { get; set; } = ["CloudFront-Viewer-Country", "CF-IPCountry"];
    public string[] CityHeaders { get; set; } = ["CloudFront-Viewer-City", "CF-IPCity"];
}
