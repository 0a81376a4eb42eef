using AdPilot.Core.Creatives;
using AdPilot.Web.Features.Chat;
using AdPilot.Web.Tests.Agent;
using AdPilot.Web.Tests.Support;
using Bunit;
using Microsoft.Extensions.AI;

namespace AdPilot.Web.Tests.Chat;

/// <summary>The composer's attachments: an image uploaded as a creative (with progress) and links found in the text, sent with the message.</summary>
public sealed class ChatAttachmentsTests(AgentHost app) : ChatTestContext(app)
{
    [Fact]
    public async Task Image_UploadedWithProgress_BecomesACreative_AndIsSentAsAnAttachment()
    {
        var png = TestImages.Png(64, 64);
        var composer = Render<ChatComposer>();

        var ticket = await composer.InvokeAsync(() => composer.Instance.Begin("u1", "banner.png", "image/png", png.Length));
        await composer.InvokeAsync(() => composer.Instance.Progress("u1", 40));
        Assert.Equal("uploading", composer.Find("[data-testid=chat-image]").GetAttribute("data-state"));
        Assert.Equal("40", composer.Find("[data-testid=chat-image-progress]").GetAttribute("aria-valuenow"));
        using (var client = App.CreateClient())
        using (var put = new HttpRequestMessage(HttpMethod.Put, ticket!.UploadUrl) { Content = new ByteArrayContent(png) })
        {
            foreach (var (name, value) in ticket.Headers)
            {
                put.Content.Headers.TryAddWithoutValidation(name, value);
            }

            (await client.SendAsync(put)).EnsureSuccessStatusCode();
        }

        await composer.InvokeAsync(() => composer.Instance.Uploaded("u1"));
        composer.WaitForAssertion(() => Assert.Equal("done", composer.Find("[data-testid=chat-image]").GetAttribute("data-state")));
        var creative = Assert.Single((await Creatives.ListAsync(UserId, new CreativeQuery())).Items);
        Assert.Equal("banner", creative.Name);

        Assert.True(await composer.InvokeAsync(() => composer.Instance.Submit("score this creative")));
        await Session.IdleAsync();

        Assert.Empty(composer.FindAll("[data-testid=chat-image]"));
        Assert.Contains($"image uploaded as creative {creative.Id}", LastUserText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Image_NotAnImage_IsRefusedOnItsChip_AndNothingIsUploaded()
    {
        var composer = Render<ChatComposer>();

        var ticket = await composer.InvokeAsync(() => composer.Instance.Begin("u1", "notes.pdf", "application/pdf", 1000));

        Assert.Null(ticket);
        Assert.Equal("failed", composer.Find("[data-testid=chat-image]").GetAttribute("data-state"));
        composer.Find("[data-testid=chat-image-remove]").Click();
        Assert.Empty(composer.FindAll("[data-testid=chat-image]"));
    }

    [Fact]
    public async Task Image_StillUploading_KeepsTheMessageUntilItIsDone()
    {
        var composer = Render<ChatComposer>();
        await composer.InvokeAsync(() => composer.Instance.Begin("u1", "banner.png", "image/png", 1000));

        Assert.False(await composer.InvokeAsync(() => composer.Instance.Submit("score it when uploaded")));

        Assert.Contains("Wait until the image is uploaded", composer.Find("[data-testid=chat-notice]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(App.Model.Received, m => m[^1].Text.StartsWith("score it when uploaded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Links_InTheText_BecomeChips_ARemovedOneStaysRemoved_AndTheRestAreSent()
    {
        var composer = Render<ChatComposer>();

        await composer.InvokeAsync(() => composer.Instance.Links(["https://shop.example.com/spring", "https://rival.example.net/ad", "javascript:alert(1)"]));
        Assert.Equal(2, composer.FindAll("[data-testid=chat-link]").Count);
        composer.FindAll("[data-testid=chat-link-remove]")[1].Click();
        await composer.InvokeAsync(() => composer.Instance.Links(["https://shop.example.com/spring", "https://rival.example.net/ad"]));
        var chip = Assert.Single(composer.FindAll("[data-testid=chat-link]"));
        Assert.Contains("https://shop.example.com/spring", chip.TextContent, StringComparison.Ordinal);

        await composer.InvokeAsync(() => composer.Instance.Submit("compare https://shop.example.com/spring with https://rival.example.net/ad"));
        await Session.IdleAsync();

        var sent = LastUserText();
        Assert.Contains("link https://shop.example.com/spring (", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("link https://rival.example.net/ad", sent, StringComparison.Ordinal);
        Assert.Empty(composer.FindAll("[data-testid=chat-link]"));
    }

    private string LastUserText() => App.Model.Received[^1].Last(m => m.Role == ChatRole.User).Text;
}
