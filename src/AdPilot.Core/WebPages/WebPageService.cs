using System.Globalization;
using System.Text;
using AdPilot.Core.Common;
using AdPilot.Core.Common.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdPilot.Core.WebPages;

/// <summary>
/// Reads a public web page a user names (a landing page, a competitor's ad page) for the agent (docs/decisions/030):
/// fetched through <see cref="SafeHttpFetcher"/> (public addresses only, every redirect checked, HTML only, size and time
/// limits), parsed without running anything, summarised as plain text and scored as a landing page. Refusals are the
/// fetcher's (<see cref="FetchErrors"/>).
/// </summary>
public sealed class WebPageService(SafeHttpFetcher fetcher, IOptions<WebPageOptions> options, TimeProvider clock, ILogger<WebPageService> logger)
{
    public static readonly string[] ContentTypes = ["text/html", "application/xhtml+xml"];

    static WebPageService() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance); // GBK, Big5, Shift_JIS… pages

    public async Task<WebPageReport> AnalyzeAsync(long userId, string url, CancellationToken ct = default)
    {
        var settings = options.Value;
        var started = clock.GetTimestamp();
        await using var file = await fetcher.FetchAsync(url, new FetchLimits(settings.MaxBytes, ContentTypes, settings.Timeout), ct);
        var milliseconds = (int)Math.Min(int.MaxValue, clock.GetElapsedTime(started).TotalMilliseconds);
        var bytes = file.Content.Length;
        // Who fetched which host: the trail to follow if a link is ever used to probe something.
        logger.LogInformation("User {UserId} read the web page at {Host} ({Bytes} bytes, {Milliseconds} ms)", userId, file.Url.Host, bytes, milliseconds);

        var page = await ParseAsync(file, settings.ParseTimeout, ct);
        var https = file.Url.Scheme == Uri.UriSchemeHttps;
        return new WebPageReport(url, file.Url.AbsoluteUri, file.StatusCode, https, file.ContentType, bytes, milliseconds, page,
            LandingPageScorer.Score(page, https, bytes, milliseconds));
    }

    private async Task<WebPageContent> ParseAsync(FetchedFile file, TimeSpan limit, CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(limit, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            // The parser only notices its token between steps, and a hostile page makes one step slow: the caller is
            // answered at the limit whatever the parser is doing (it stops at its next check, the token being cancelled).
            return await Task.Run(() => WebPageParser.ParseAsync(file.Content, file.Url, file.ContentType, file.Charset, linked.Token), CancellationToken.None)
                .WaitAsync(limit, clock, ct);
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException && !ct.IsCancellationRequested)
        {
            var message = $"The page is too complex to read within {limit.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} seconds.";
            throw new ValidationFailedException(new Dictionary<string, string[]> { [SafeHttpFetcher.Field] = [message] }, message, FetchErrors.Timeout);
        }
    }
}
