using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AdPilot.Core.Common;
using AdPilot.Core.Creatives;

namespace AdPilot.Web.Features.Agent;

/// <summary>
/// What the user attached to a message: checked, told to the model as a note after the text (so any model sees it and
/// knows which tool reads it), and stored with the message as AI SDK parts (<c>data-image</c>, <c>source-url</c>).
/// </summary>
public static class AgentAttachments
{
    /// <summary>Where the note begins in the text the model gets.</summary>
    public const string NoteStart = "\n\n[Attached by the user:";

    /// <summary>The user's own words: the text without the note (for a model that reads <see cref="AgentContext.Attachments"/> instead).</summary>
    public static string WithoutNote(string text) => text.IndexOf(NoteStart, StringComparison.Ordinal) is var at and >= 0 ? text[..at] : text;

    /// <summary>Every image attachment must be a creative of the user's (not found otherwise, before anything is stored or charged).</summary>
    public static async Task EnsureOwnedAsync(long userId, IReadOnlyList<AgentAttachment> attachments, CreativeService creatives, CancellationToken ct)
    {
        foreach (var id in attachments.Where(a => a.Kind == "image").Select(a => a.CreativeId!.Value).Distinct())
        {
            await creatives.GetAsync(userId, id, ct);
        }
    }

    public static IReadOnlyList<AgentAttachment> Check(IReadOnlyList<AgentAttachment>? attachments)
    {
        var list = attachments ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var a = list[i] ?? throw ValidationFailedException.For($"attachments[{i}]", "An attachment cannot be null.");
            if (a.Kind == "image" && a.CreativeId is null)
            {
                throw ValidationFailedException.For($"attachments[{i}].creativeId", "An image attachment names the creative it was uploaded as.");
            }

            if (a.Kind == "link" && !IsWebUrl(a.Url))
            {
                throw ValidationFailedException.For($"attachments[{i}].url", "A link must be an absolute http or https URL.");
            }
        }

        return list;
    }

    public static bool IsWebUrl(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    public static string Note(IReadOnlyList<AgentAttachment> attachments)
    {
        if (attachments.Count == 0)
        {
            return "";
        }

        var note = new StringBuilder(NoteStart);
        foreach (var a in attachments)
        {
            note.Append(a.Kind == "image"
                ? string.Create(CultureInfo.InvariantCulture, $" image uploaded as creative {a.CreativeId} (read it with get_creative);")
                : $" link {a.Url} (read it with analyze_web_page);");
        }

        return note.Append(']').ToString();
    }

    /// <summary>The attachments of a stored user message, from its parts (the inverse of <see cref="Parts"/>); none when it has none.</summary>
    public static IReadOnlyList<AgentAttachment> FromParts(string? partsJson)
    {
        if (string.IsNullOrEmpty(partsJson) || JsonNode.Parse(partsJson) is not JsonArray parts)
        {
            return [];
        }

        return
        [
            .. parts.OfType<JsonObject>().Select(p => (string?)p["type"] switch
            {
                "data-image" when p["data"]?["creativeId"] is JsonValue id && id.TryGetValue<long>(out var creativeId) =>
                    new AgentAttachment { Kind = "image", CreativeId = creativeId },
                "source-url" when p["url"] is JsonValue url && url.TryGetValue<string>(out var link) => new AgentAttachment { Kind = "link", Url = link },
                _ => null,
            }).OfType<AgentAttachment>(),
        ];
    }

    public static JsonArray? Parts(IReadOnlyList<AgentAttachment> attachments) => attachments.Count == 0 ? null : new JsonArray(
        attachments.Select(a => (JsonNode?)(a.Kind == "image"
            ? new JsonObject { ["type"] = "data-image", ["data"] = new JsonObject { ["creativeId"] = a.CreativeId } }
            : new JsonObject { ["type"] = "source-url", ["url"] = a.Url })).ToArray());
}
