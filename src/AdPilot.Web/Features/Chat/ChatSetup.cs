namespace AdPilot.Web.Features.Chat;

internal static class ChatSetup
{
    /// <summary>The Blazor chat: one <see cref="ChatSession"/> per circuit (per browser tab).</summary>
    public static void AddChat(this WebApplicationBuilder builder) => builder.Services.AddScoped<ChatSession>();
}
