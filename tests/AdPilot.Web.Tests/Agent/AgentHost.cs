using System.Security.Claims;
using AdPilot.Core.Users;
using AdPilot.Web.Features.Agent;
using AdPilot.Web.Features.Identity;
using AdPilot.Web.Tests.Support;
using Hangfire;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.Web.Tests.Agent;

/// <summary>The app with a scripted model in place of the configured one (each test sets <see cref="Script"/>), and no background jobs.</summary>
public sealed class AgentHost : AdPilotFactory
{
    public AgentHost()
    {
        Model = new ScriptedChatClient((messages, round, ct) => Script(messages, round, ct));
        TestServices = s =>
        {
            s.AddSingleton<IBackgroundJobClient, DroppedJobs>();
            s.AddKeyedSingleton<IChatClient>(AgentSetup.ModelKey, Model);
        };
    }

    public ScriptedChatClient Model { get; }

    public Func<IReadOnlyList<ChatMessage>, int, CancellationToken, Task<ChatResponse>> Script { get; set; } =
        (_, _, _) => Task.FromResult(ScriptedChatClient.Text("Hello."));

    public AgentService Agent => Services.GetRequiredService<AgentService>();

    public async Task<ClaimsPrincipal> PrincipalAsync(long userId) =>
        (await Services.GetRequiredService<UserService>().GetAsync(userId)).ToPrincipal("test");

    public static async Task<List<AgentEvent>> CollectAsync(AgentTurn turn, CancellationToken ct = default)
    {
        var events = new List<AgentEvent>();
        await foreach (var e in turn.RunAsync(ct))
        {
            events.Add(e);
        }

        return events;
    }
}
