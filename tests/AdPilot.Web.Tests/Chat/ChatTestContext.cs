using AdPilot.Core.Agent;
using AdPilot.Core.Creatives;
using AdPilot.Core.Credits;
using AdPilot.Web.Features.Chat;
using AdPilot.Web.Tests.Agent;
using AdPilot.Web.Tests.Components;
using AdPilot.Web.Tests.Support;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AdPilot.Web.Tests.Chat;

/// <summary>A bUnit context for the chat's components over the real agent (a scripted model), signed in as a user of its own.</summary>
public abstract class ChatTestContext : UiTestContext, IClassFixture<AgentHost>, IAsyncLifetime
{
    protected ChatTestContext(AgentHost app)
    {
        App = app;
        Services.AddLogging();
        Services.AddSingleton(app.Agent);
        Services.AddSingleton(app.Services.GetRequiredService<ConversationService>());
        Services.AddSingleton(app.Services.GetRequiredService<Features.Agent.AgentActions>());
        Services.AddSingleton(app.Services.GetRequiredService<Core.Actions.ActionLogService>());
        Services.AddSingleton(app.Services.GetRequiredService<Core.Actions.ActionUndo>());
        Services.AddSingleton(app.Services.GetRequiredService<CreditService>());
        Services.AddSingleton(app.Services.GetRequiredService<CreativeService>());
        Services.AddSingleton(new Features.Users.CurrentUser(app.Services.GetRequiredService<Core.Users.UserService>()));
        Services.AddScoped<ChatSession>();
    }

    protected AgentHost App { get; }

    protected McpUser User { get; private set; } = null!;

    protected long UserId { get; private set; }

    protected ConversationService Conversations => App.Services.GetRequiredService<ConversationService>();

    protected CreativeService Creatives => App.Services.GetRequiredService<CreativeService>();

    protected ChatSession Session => Services.GetRequiredService<ChatSession>();

    protected IRenderedComponent<MudDialogProvider> Dialogs { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var user = await App.SignInAsync($"chat-{Guid.NewGuid():N}@example.com");
        User = user;
        UserId = user.Id;
        AddAuthorization().SetAuthorized(user.Email).SetClaims([.. (await App.PrincipalAsync(user.Id)).Claims]);
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        Dialogs = Render<MudDialogProvider>();
    }

    public new async Task DisposeAsync() => await base.DisposeAsync();
}
