using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdPilot.Core.Alerts;

/// <summary>What one alert says, whichever channel it goes to.</summary>
public sealed record AlertMessage(long Id, string Category, string Type, string Title, string Body, string? Link, DateTime CreatedAt);

/// <summary>The request bodies: Slack's incoming-webhook message (text + blocks) and AdPilot's own webhook JSON.</summary>
public static class AlertPayloads
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The webhook body: id, category, type, title, body, link (absolute) and created_at (ISO 8601 UTC).</summary>
    public static string Webhook(AlertMessage message, string linkBase) => JsonSerializer.Serialize(new
    {
        id = message.Id,
        category = message.Category,
        type = message.Type,
        title = message.Title,
        body = message.Body,
        link = AbsoluteLink(message.Link, linkBase),
        created_at = DateTime.SpecifyKind(message.CreatedAt, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
    }, Json);

    /// <summary>Slack: a plain <c>text</c> fallback (notifications, screen readers) and blocks with a button back to AdPilot.</summary>
    public static string Slack(AlertMessage message, string linkBase)
    {
        var link = AbsoluteLink(message.Link, linkBase);
        var heading = $"{Marker(message.Type)} *{Escape(message.Title)}*";
        var blocks = new List<object>
        {
            new { type = "section", text = new { type = "mrkdwn", text = string.IsNullOrWhiteSpace(message.Body) ? heading : $"{heading}\n{Escape(message.Body)}" } },
            new { type = "context", elements = new object[] { new { type = "mrkdwn", text = $"AdPilot · {Escape(message.Category)}" } } },
        };
        blocks.Add(new
        {
            type = "actions",
            elements = new object[] { new { type = "button", text = new { type = "plain_text", text = "Open in AdPilot" }, url = link } },
        });
        return JsonSerializer.Serialize(new { text = $"{message.Title}: {link}", blocks }, Json);
    }

    /// <summary>The notification's own page, or the notification list when it has no link.</summary>
    public static string AbsoluteLink(string? link, string linkBase) => linkBase.TrimEnd('/') + (link is { Length: > 0 } && link[0] == '/' ? link : "/notifications");

    /// <summary>Slack mrkdwn treats &amp;, &lt; and &gt; as control characters; anything else is shown as written.</summary>
    private static string Escape(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Marker(string type) => type switch
    {
        "urgent" => ":rotating_light:",
        "important" => ":warning:",
        _ => ":information_source:",
    };
}
