using AdPilot.Core.Common;
using AdPilot.Core.LandingPages;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace AdPilot.Web.Features.LandingPages;

/// <summary>
/// A lead form post. The page's script asks for JSON (<c>Accept: application/json</c>): 200 <c>{"message"}</c>, or a
/// ProblemDetails naming the fields. Without script the browser posts the form itself and gets a small page in the page's
/// language. A filled honeypot gets the same success answer as a real lead, so a bot cannot tell it was dropped.
/// </summary>
internal static class LeadEndpoint
{
    public static async Task<IResult> SubmitAsync(string slug, HttpContext http, LandingPageTracking tracking, IOptions<LandingPageOptions> options)
    {
        var json = WantsJson(http.Request);
        if (await PageRateLimit.AcquireAsync(http, "lp-leads", options.Value.LeadsPerMinute) is { } wait)
        {
            return json
                ? PageTrackingEndpoints.Problem(StatusCodes.Status429TooManyRequests, "rate_limited", $"Too many submissions from this address. Try again in {wait} s.")
                : LeadAnswerPage.TooMany(await tracking.GetLeadFormAsync(slug, http.RequestAborted), wait);
        }

        if (!http.Request.HasFormContentType)
        {
            return PageTrackingEndpoints.Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
                "Send the form as application/x-www-form-urlencoded or multipart/form-data.");
        }

        if (http.Request.ContentLength > PageTrackingEndpoints.MaxLeadBytes)
        {
            return PageTrackingEndpoints.Problem(StatusCodes.Status413PayloadTooLarge, "payload_too_large", $"A form is at most {PageTrackingEndpoints.MaxLeadBytes:N0} bytes.");
        }

        if (await ReadFormAsync(http) is not { } form)
        {
            return PageTrackingEndpoints.Problem(StatusCodes.Status400BadRequest, "invalid_form", "The form body is malformed or larger than 16 KB.");
        }

        var page = await tracking.GetLeadFormAsync(slug, http.RequestAborted);
        try
        {
            await tracking.SubmitLeadAsync(slug, form, new Visitor(http.Request.Headers.UserAgent.ToString(), http.Connection.RemoteIpAddress?.ToString()), http.RequestAborted);
        }
        catch (NotFoundException)
        {
            return json
                ? PageTrackingEndpoints.Problem(StatusCodes.Status404NotFound, "not_found", "This page is not published.")
                : LeadAnswerPage.NotFound();
        }
        catch (ValidationFailedException invalid)
        {
            return json
                ? PageTrackingEndpoints.Problem(StatusCodes.Status400BadRequest, invalid.Code, invalid.Message, invalid.Errors.ToDictionary(e => e.Key, e => e.Value))
                : LeadAnswerPage.Invalid(page, invalid);
        }

        var message = LeadAnswerPage.SuccessMessage(page);
        return json ? TypedResults.Ok(new LeadAccepted(message)) : LeadAnswerPage.Thanks(page, message);
    }

    private static bool WantsJson(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));

    /// <summary>The form's text values (the first of each name; files ignored), or null for a malformed or oversized body.</summary>
    private static async Task<Dictionary<string, string>?> ReadFormAsync(HttpContext http)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = PageTrackingEndpoints.MaxLeadBytes;
        }

        try
        {
            var form = await http.Request.ReadFormAsync(new FormOptions
            {
                ValueCountLimit = 64,
                KeyLengthLimit = 100,
                ValueLengthLimit = PageTrackingEndpoints.MaxLeadBytes,
                MultipartBodyLengthLimit = PageTrackingEndpoints.MaxLeadBytes,
                MultipartHeadersLengthLimit = 4 * 1024,
                BufferBody = false,
            }, http.RequestAborted);
            return form.ToDictionary(f => f.Key, f => f.Value.FirstOrDefault() ?? "", StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException || (ex is IOException && !http.RequestAborted.IsCancellationRequested))
        {
            return null;
        }
    }

    public sealed record LeadAccepted(string Message);
}
