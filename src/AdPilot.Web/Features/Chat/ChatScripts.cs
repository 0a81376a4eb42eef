using Microsoft.JSInterop;

namespace AdPilot.Web.Features.Chat;

/// <summary>The chat's browser helpers (wwwroot/js/chat-parts.js), imported on first use; the browser keeps the module after that.</summary>
public static class ChatScripts
{
    public const string Module = "./js/chat-parts.js";

    public static async Task<bool> CopyAsync(IJSRuntime js, string text)
    {
        await using var module = await js.InvokeAsync<IJSObjectReference>("import", Module);
        return await module.InvokeAsync<bool>("copyText", text);
    }

    public static async Task DownloadAsync(IJSRuntime js, string fileName, string text, string type)
    {
        await using var module = await js.InvokeAsync<IJSObjectReference>("import", Module);
        await module.InvokeVoidAsync("download", fileName, text, type);
    }
}
