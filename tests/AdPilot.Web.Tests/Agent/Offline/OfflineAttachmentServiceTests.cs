using AdPilot.Core.Agent;
using AdPilot.Core.Common;
using AdPilot.Core.Creatives;
using AdPilot.Core.Credits;
using AdPilot.Core.Users;
using AdPilot.Web.Features.Agent;
using AdPilot.Web.Features.Identity;
using AdPilot.Web.Tests.Mcp;
using AdPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.Web.Tests.Agent.Offline;

/// <summary>An uploaded image given to the agent as an attachment, through the real orchestrator and the offline model.</summary>
public sealed class OfflineAttachmentServiceTests(OfflineAgentHost app) : IClassFixture<OfflineAgentHost>
{
    private AgentService Agent => app.Services.GetRequiredService<AgentService>();

    [Fact]
    public async Task ImageAttachment_ScoreThisCreative_AnswersWithTheCreativesScore()
    {
        var user = await app.SignInAsync("agent-image-score@example.com");
        var creative = await UploadAsync(user.Id, "square-ad");

        await using var turn = await Agent.StartAsync(await PrincipalAsync(user.Id), new AgentTurnRequest
        {
            Text = "score this creative",
            Attachments = [new AgentAttachment { Kind = "image", CreativeId = creative.Id }],
        });
        var events = new List<AgentEvent>();
        await foreach (var e in turn.RunAsync())
        {
            events.Add(e);
        }

        Assert.Equal(["get_creative"], events.OfType<ToolStarted>().Select(t => t.Tool));
        var text = string.Concat(events.OfType<TextDelta>().Select(t => t.Text));
        Assert.Contains($"**\"square-ad\"** (image, 1080×1080) scores **{creative.QualityScore}/100**.", text, StringComparison.Ordinal);
        Assert.Contains("Suggested tags:", text, StringComparison.Ordinal);
        Assert.IsType<TurnFinished>(events[^1]);
        var stored = await app.Services.GetRequiredService<ConversationService>().HistoryAsync(user.Id, ((TurnStarted)events[0]).ConversationId);
        Assert.Equal("score this creative", stored[0].Text); // the note for models is not part of what the user wrote
    }

    [Fact]
    public async Task ImageAttachment_AnotherUsersCreative_IsNotFound_BeforeAnythingIsStoredOrCharged()
    {
        var owner = await app.SignInAsync("agent-image-owner@example.com");
        var other = await app.SignInAsync("agent-image-other@example.com");
        var creative = await UploadAsync(owner.Id, "not-yours");
        var balance = (await app.Services.GetRequiredService<CreditService>().GetBalanceAsync(other.Id)).Total;
        var principal = await PrincipalAsync(other.Id);

        var refused = await Assert.ThrowsAsync<NotFoundException>(() => Agent.StartAsync(principal, new AgentTurnRequest
        {
            Text = "score this creative",
            Attachments = [new AgentAttachment { Kind = "image", CreativeId = creative.Id }],
        }));

        Assert.Equal("not_found", refused.Code);
        Assert.Equal(balance, (await app.Services.GetRequiredService<CreditService>().GetBalanceAsync(other.Id)).Total);
        Assert.Equal(0, (await app.Services.GetRequiredService<ConversationService>().ListAsync(other.Id, new ConversationQuery())).Total);
    }

    private async Task<CreativeView> UploadAsync(long userId, string name) =>
        await app.Services.GetRequiredService<CreativeService>().UploadAsync(userId, new MemoryStream(TestImages.Png(1080, 1080)), name + ".png", new CreateCreativeRequest { Name = name });

    private async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(long userId) =>
        (await app.Services.GetRequiredService<UserService>().GetAsync(userId)).ToPrincipal("test");
}
