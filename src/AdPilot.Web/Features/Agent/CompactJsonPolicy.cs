using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;

namespace AdPilot.Web.Features.Agent;

/// <summary>
/// Sends the request body as compact JSON. The Microsoft.Extensions.AI adapter writes every tool's schema indented:
/// with the registry's ~35 tools that is about 1,600 lines of whitespace, some 30 % of each request, that a provider
/// counts as prompt tokens on every round of every turn — credits the user would pay for nothing.
/// The JSON's meaning is unchanged (strings keep their escapes).
/// </summary>
internal sealed class CompactJsonPolicy : PipelinePolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Compact(message);
        ProcessNext(message, pipeline, currentIndex);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Compact(message);
        await ProcessNextAsync(message, pipeline, currentIndex);
    }

    private static void Compact(PipelineMessage message)
    {
        if (message.Request.Content is not { } content || !message.Request.Headers.TryGetValue("Content-Type", out var type)
            || type?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return;
        }

        using var body = new MemoryStream();
        content.WriteTo(body, message.CancellationToken);
        var compact = new MemoryStream((int)body.Length);
        using (var document = JsonDocument.Parse(body.GetBuffer().AsMemory(0, (int)body.Length)))
        using (var writer = new Utf8JsonWriter(compact))
        {
            document.WriteTo(writer);
        }

        message.Request.Content = BinaryContent.Create(new BinaryData(compact.GetBuffer().AsMemory(0, (int)compact.Length)));
    }
}
