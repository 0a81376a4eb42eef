using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AdPilot.Core.Common;

namespace AdPilot.Web.Features.Agent;

/// <summary>
/// What the user attached to a message: checked, told to the model as a note after the text (so any model sees it and
/// knows which tool reads it), and stored with the message as AI SDK parts (<c>data-image</c>, <c>source-url</c>).
/// </summary>
public static class AgentAttachments
{
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

            if (a.Kind == "link" && !(Uri.TryCreate(a.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
            {
                throw ValidationFailedException.For($"attachments[{i}].url", "A link must be an absolute http or https URL.");
            }
        }

        return list;
    }

    public static string Note(IReadOnlyList<AgentAttachment> attachments)
    {
        if (attachments.Count == 0)
        {
            return "";
        }

        var note = new StringBuilder("\n\n[Attached by the user:");
        foreach (var a in attachments)
        {
            note.Append(a.Kind == "image"
                ? string.Create(CultureInfo.InvariantCulture, $" image uploaded as creative {a.CreativeId} (read it with get_creative);")
                : $" link {a.Url};");
        }

        return note.Append(']').ToString();
    }

    public static JsonArray? Parts(IReadOnlyList<AgentAttachment> attachments) => attachments.Count == 0 ? null : new JsonArray(
        attachments.Select(a => (JsonNode?)(a.Kind == "image"
            ? new JsonObject { ["type"] = "data-image", ["data"] = new JsonObject { ["creativeId"] = a.CreativeId } }
            : new JsonObject { ["type"] = "source-url", ["url"] = a.Url })).ToArray());
}
