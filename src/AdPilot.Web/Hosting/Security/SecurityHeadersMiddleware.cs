using System.Security.Cryptography;

namespace AdPilot.Web.Hosting.Security;

/// <summary>
/// Sets the browser-hardening headers on every answer, when it starts (so an exception handler clearing the response
/// does not drop them), and gives each request a fresh CSP nonce for the few inline scripts the framework writes.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, ContentSecurityPolicy csp)
{
    private const string NonceKey = "adpilot.csp-nonce";
    private const string FormTargetKey = "adpilot.csp-form-target";
    private const string OwnPolicyKey = "adpilot.csp-own-policy";
    private const string PolicyKey = "adpilot.csp-policy";

    /// <summary>This request's nonce: put it on an inline &lt;script&gt; so the page's policy allows it.</summary>
    public static string NonceOf(HttpContext http) => http.Items[NonceKey] as string ?? "";

    /// <summary>
    /// Lets this page's forms lead to another origin: the OAuth consent form, whose answer redirects to the client's
    /// registered redirect URI (browsers apply form-action to the redirects after a submission too).
    /// </summary>
    public static void AllowFormTarget(HttpContext http, Uri target) => http.Items[FormTargetKey] = target.GetLeftPart(UriPartial.Authority);

    /// <summary>
    /// A published landing page (/p/{slug}) is not an app page: it carries its own policy in a &lt;meta&gt; (its script by
    /// hash, video frames), which the app's nonce policy would block. Its header then says only what a meta cannot.
    /// </summary>
    public static void UsePublishedPagePolicy(HttpContext http) => http.Items[OwnPolicyKey] = true;

    /// <summary>Replaces the page policy for this answer, e.g. a sandbox for user-made HTML that must not act as the app.</summary>
    public static void UsePolicy(HttpContext http, string policy) => http.Items[PolicyKey] = policy;

    public Task InvokeAsync(HttpContext http)
    {
        // Hex: 128 random bits that HTML attribute encoding leaves alone (base64 "+" and "=" would be escaped).
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        http.Items[NonceKey] = nonce;
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            var ownPolicy = http.Items.ContainsKey(OwnPolicyKey);
            // A published page or a replaced policy says itself who may frame it (frame-ancestors); the app's own pages may.
            headers.XFrameOptions = ownPolicy || http.Items.ContainsKey(PolicyKey) ? "SAMEORIGIN" : "DENY";
            headers["Referrer-Policy"] = ownPolicy ? "strict-origin-when-cross-origin" : "same-origin";
            headers["Permissions-Policy"] = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";
            headers.ContentSecurityPolicy = http.Items[PolicyKey] as string ?? (ownPolicy ? ContentSecurityPolicy.PublishedPage
                : http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
                ? csp.ForPage(nonce, allowEval: http.Request.Path.StartsWithSegments("/docs"), formTarget: http.Items[FormTargetKey] as string)
                : ContentSecurityPolicy.NonHtml);
            return Task.CompletedTask;
        });
        return next(http);
    }
}
