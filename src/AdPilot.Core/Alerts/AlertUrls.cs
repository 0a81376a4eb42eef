using AdPilot.Core.Common;
using AdPilot.Core.Common.Net;

namespace AdPilot.Core.Alerts;

/// <summary>What a channel's URL may be: Slack's own webhook host for Slack, a public http(s) address for webhooks.</summary>
public sealed class AlertUrls(AlertSender sender)
{
    public const string SlackHost = "hooks.slack.com";

    public async Task CheckAsync(AlertChannelKind kind, string url, CancellationToken ct)
    {
        var uri = new Uri(url);
        if (uri.UserInfo.Length > 0)
        {
            throw Refused("The URL must not carry a user name or password.");
        }

        if (kind == AlertChannelKind.Slack && (uri.Scheme != Uri.UriSchemeHttps || !uri.Host.Equals(SlackHost, StringComparison.OrdinalIgnoreCase)))
        {
            throw Refused($"A Slack channel needs a Slack incoming-webhook URL (https://{SlackHost}/services/…).");
        }

        if (await sender.RefusalOfAsync(uri, ct) is { } kindOfAddress)
        {
            throw Refused($"The host leads to a {kindOfAddress} address. Alerts go only to the public internet.");
        }
    }

    /// <summary>What may be shown of a URL: scheme, host and the last four characters of the path (a Slack URL is a secret).</summary>
    public static string Hint(string url)
    {
        var uri = new Uri(url);
        var path = uri.AbsolutePath.TrimEnd('/');
        var tail = path.Length > 4 ? "…" + path[^4..] : path;
        return $"{uri.Scheme}://{uri.Authority}/{tail.TrimStart('/')}";
    }

    private static ValidationFailedException Refused(string message) =>
        new(new Dictionary<string, string[]> { ["url"] = [message] }, message, FetchErrors.NotAllowed);
}
