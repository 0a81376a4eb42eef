using System.Text.Json;
using AdPilot.Core.Common;

namespace AdPilot.Web.Features.Agent;

/// <summary>
/// The attachments of a <c>POST /api/chat</c> message (docs/decisions/030), as the parts AdPilot also stores and returns
/// in a conversation's history: <c>{"type":"data-image","data":{"creativeId":12}}</c> for an image the app uploaded as
/// a creative first, <c>{"type":"source-url","url":"https://…"}</c> for a link. A <c>file</c> part is refused with what
/// to send instead: AdPilot does not take image bytes in a chat message.
/// </summary>
internal static class UiAttachments
{
    public static IReadOnlyList<AgentAttachment>? Of(UiMessage message, int index)
    {
        var attachments = new List<AgentAttachment>();
        for (var i = 0; i < message.Parts.Count; i++)
        {
            var part = message.Parts[i];
            var field = $"messages[{index}].parts[{i}]";
            switch (part.Type)
            {
                case "data-image":
                    attachments.Add(new AgentAttachment { Kind = "image", CreativeId = CreativeId(part.Data) ?? throw ValidationFailedException.For(
                        $"{field}.data.creativeId", "A data-image part carries the id of the creative the image was uploaded as: {\"creativeId\": 12}.") });
                    break;
                case "source-url" when AgentAttachments.IsWebUrl(part.Url):
                    attachments.Add(new AgentAttachment { Kind = "link", Url = part.Url });
                    break;
                case "source-url":
                    throw ValidationFailedException.For($"{field}.url", "A source-url part carries an absolute http or https URL.");
                case "file":
                    throw ValidationFailedException.For(field,
                        "Files are not taken in a chat message: upload an image as a creative (POST /api/v1/creatives) and send a data-image part with its creativeId; send a link as a source-url part.");
            }
        }

        return attachments.Count == 0 ? null : attachments;
    }

    private static long? CreativeId(JsonElement? data) =>
        data is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty("creativeId", out var id) && id.ValueKind == JsonValueKind.Number
            && id.TryGetInt64(out var value) && value > 0 ? value : null;
}
