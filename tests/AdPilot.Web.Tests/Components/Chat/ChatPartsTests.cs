using System.Globalization;
using System.Text.Json.Nodes;
using AdPilot.Web.Features.Agent;
using AdPilot.Web.Features.Chat;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AdPilot.Web.Tests.Components.Chat;

/// <summary>The parts of an answer as the chat renders them: sanitised Markdown, tool cards, tables, charts, and the message around them.</summary>
public sealed class ChatPartsTests : UiTestContext, IAsyncLifetime
{
    private readonly (CultureInfo, CultureInfo) _cultures = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    public ChatPartsTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        Services.AddSingleton(new AdPilot.Web.Features.Users.CurrentUser(null!)); // only asked for a signed-in user's time zone
        Render<MudPopoverProvider>();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public new Task DisposeAsync()
    {
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = _cultures;
        return base.DisposeAsync().AsTask();
    }

    [Fact]
    public void MarkdownText_RendersMarkdown_ButNoScriptHandlersOrForeignImages()
    {
        var text = Text("""
            **Spend** rose. <script>alert(1)</script> <img src=x onerror="alert(1)">

            [docs](https://docs.example.com) [bad](javascript:alert(1)) ![pixel](https://evil.example/p.gif) ![chart](/files/c.png)

            | a | b |
            |---|---|
            | 1 | 2 |
            """);

        var view = Render<MarkdownText>(p => p.Add(c => c.Part, text));

        var root = view.Find("[data-testid=chat-text]");
        Assert.Equal("Spend", root.QuerySelector("strong")!.TextContent);
        Assert.Empty(root.QuerySelectorAll("script, iframe"));
        Assert.DoesNotContain(root.QuerySelectorAll("*"), e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        Assert.Equal(["https://docs.example.com"], root.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")));
        Assert.Equal("noopener noreferrer nofollow", root.QuerySelector("a[href]")!.GetAttribute("rel"));
        Assert.Equal(["/files/c.png"], root.QuerySelectorAll("img").Select(i => i.GetAttribute("src")));
        Assert.Single(root.QuerySelectorAll("table td:first-child"));
        Assert.Contains("<script>alert(1)</script>", root.TextContent, StringComparison.Ordinal); // shown, not run
    }

    [Fact]
    public void MarkdownText_WhileStreaming_ShowsTheTextAsItGrows_WithACursor()
    {
        var text = Text("Spend was ");
        var view = Render<MarkdownText>(p => p.Add(c => c.Part, text).Add(c => c.Streaming, true));
        Assert.Contains("chat-md--streaming", view.Find("[data-testid=chat-text]").ClassName, StringComparison.Ordinal);

        text.Markdown.Append("**$120**.");
        view.Render(p => p.Add(c => c.Part, text).Add(c => c.Streaming, false));

        Assert.Equal("$120", view.Find("strong").TextContent);
        Assert.DoesNotContain("chat-md--streaming", view.Find("[data-testid=chat-text]").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void ToolCard_Running_ShowsASpinnerAndTheCallInWords_WithoutAResultYet()
    {
        var tool = new ToolPart { Id = "t1", Tool = "get_breakdown", Input = new JsonObject { ["sort"] = "spend", ["level"] = "campaign" } };

        var card = Render<ToolCard>(p => p.Add(c => c.Part, tool));

        Assert.Equal("running", card.Find("[data-testid=chat-tool]").GetAttribute("data-state"));
        Assert.Equal("Spend by campaign, last 7 days", card.Find("[data-testid=chat-tool-title]").TextContent);
        Assert.NotEmpty(card.FindAll(".mud-progress-circular"));
        Assert.Empty(card.FindAll("[data-testid=chat-tool-toggle]"));
    }

    [Fact]
    public void ToolCard_Done_KeepsTheResultCollapsed_ThenShowsAListAsATable()
    {
        var tool = new ToolPart
        {
            Id = "t1", Tool = "get_campaigns", State = ToolState.Done,
            Output = JsonNode.Parse("""{"items":[{"id":1,"name":"Spring","budget":50,"schedule":{"start":"2025-05-01"}},{"id":2,"name":"Summer","budget":120}],"next_cursor":null}"""),
        };
        var card = Render<ToolCard>(p => p.Add(c => c.Part, tool));
        Assert.Empty(card.FindAll("[data-testid=chat-table]"));

        card.Find("[data-testid=chat-tool-toggle]").Click();

        Assert.Equal("true", card.Find("[data-testid=chat-tool-toggle]").GetAttribute("aria-expanded"));
        Assert.Equal(["id", "name", "budget"], card.FindAll("[data-testid=chat-table-sort]").Select(b => b.TextContent.Trim()));
        Assert.Equal(2, card.FindAll("[data-testid=chat-table-row]").Count);
    }

    [Fact]
    public void ToolCard_DoneWithAnObject_ShowsItsJson()
    {
        var tool = new ToolPart { Id = "t1", Tool = "get_credit_balance", State = ToolState.Done, Output = JsonNode.Parse("""{"balance":12.5,"currency":"credits"}""") };
        var card = Render<ToolCard>(p => p.Add(c => c.Part, tool));

        card.Find("[data-testid=chat-tool-toggle]").Click();

        Assert.Contains("\"balance\": 12.5", card.Find("[data-testid=chat-tool-json]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ToolCard_Failed_ShowsTheToolsErrorMessage()
    {
        var tool = new ToolPart
        {
            Id = "t1", Tool = "get_campaign", Input = new JsonObject { ["campaign_id"] = 99 }, State = ToolState.Failed,
            Output = JsonNode.Parse("""{"error":{"code":"not_found","message":"Campaign 99 was not found."}}"""),
        };

        var card = Render<ToolCard>(p => p.Add(c => c.Part, tool));

        Assert.Equal("failed", card.Find("[data-testid=chat-tool]").GetAttribute("data-state"));
        Assert.Equal("Campaign 99", card.Find("[data-testid=chat-tool-title]").TextContent);
        Assert.Equal("Campaign 99 was not found.", card.Find("[data-testid=chat-tool-error]").TextContent);
        Assert.Empty(card.FindAll("[data-testid=chat-tool-toggle]"));
    }

    [Fact]
    public void ChatTable_SortsByAnyColumn_NumbersAsNumbers_AndTurnsRoundOnASecondClick()
    {
        var table = Render<ChatTable>(p => p.Add(c => c.Spec, Spec()));
        string[] Names() => table.FindAll("[data-testid=chat-table-row] td:first-child").Select(td => td.TextContent).ToArray();
        Assert.Equal(["Spring", "Summer", "=cmd"], Names());

        table.FindAll("[data-testid=chat-table-sort]")[1].Click();
        Assert.Equal(["Summer", "Spring", "=cmd"], Names()); // 120 > 9, empty last
        Assert.Equal("descending", table.FindAll("th")[1].GetAttribute("aria-sort"));

        table.FindAll("[data-testid=chat-table-sort]")[1].Click();
        Assert.Equal(["Spring", "Summer", "=cmd"], Names());

        table.FindAll("[data-testid=chat-table-sort]")[0].Click();
        Assert.Equal(["=cmd", "Spring", "Summer"], Names());
    }

    [Fact]
    public void ChatTable_Csv_DownloadsTheWholeTable_WithFormulasDefused()
    {
        var module = JSInterop.SetupModule(ChatScripts.Module);
        var download = module.SetupVoid("download", _ => true);
        var table = Render<ChatTable>(p => p.Add(c => c.Spec, Spec()));

        table.Find("[data-testid=chat-table-csv]").Click();

        var call = Assert.Single(download.Invocations);
        Assert.Equal("Spend-by-campaign.csv", call.Arguments[0]);
        Assert.Equal("Campaign,Spend\r\nSpring,9\r\nSummer,120\r\n'=cmd,\r\n", call.Arguments[1]);
        Assert.Equal("text/csv;charset=utf-8", call.Arguments[2]);
    }

    [Fact]
    public void ChatChart_RendersAnEChart_WithAPngExport()
    {
        JSInterop.Setup<bool>("adpilotCharts.export", _ => true).SetResult(true);
        var chart = Render<ChatChart>(p => p.Add(c => c.Spec, new ChartSpec("Spend per day", "line", ["2025-05-01"], [new ChartSeries("Spend", [1m])], "USD")));

        chart.Find("[data-testid=chat-chart-png]").Click();

        var export = Assert.Single(JSInterop.Invocations, i => i.Identifier == "adpilotCharts.export");
        Assert.StartsWith("chat-chart-", (string)export.Arguments[0]!, StringComparison.Ordinal);
        Assert.Equal(["png", "Spend-per-day"], export.Arguments.Skip(1).Cast<string>());
    }

    [Fact]
    public void ChatMessageView_Streaming_ShowsTheTypingDots_UntilTextArrives_AndNoCopyYet()
    {
        var entry = new ChatEntry { Id = "m1", Role = "assistant", At = DateTime.UtcNow, Status = ChatEntryStatus.Streaming };
        entry.Parts.Add(new ToolPart { Id = "t1", Tool = "get_reports" });
        var view = Render<ChatMessageView>(p => p.Add(c => c.Entry, entry));
        Assert.Single(view.FindAll("[data-testid=chat-typing]"));

        entry.Parts.Add(Text("Spend was"));
        view.Render(p => p.Add(c => c.Entry, entry));

        Assert.Empty(view.FindAll("[data-testid=chat-typing]"));
        Assert.Contains("chat-md--streaming", view.Find("[data-testid=chat-text]").ClassName, StringComparison.Ordinal);
        Assert.Empty(view.FindAll("[data-testid=chat-message-copy]"));
    }

    [Fact]
    public void ChatMessageView_Copy_CopiesTheWholeText()
    {
        var copy = JSInterop.SetupModule(ChatScripts.Module).Setup<bool>("copyText", _ => true);
        copy.SetResult(true);
        var entry = new ChatEntry { Id = "m1", Role = "assistant", At = DateTime.UtcNow };
        entry.Parts.Add(Text("First **part**."));
        entry.Parts.Add(new ToolPart { Id = "t1", Tool = "get_reports", State = ToolState.Done });
        entry.Parts.Add(Text("Second."));
        var view = Render<ChatMessageView>(p => p.Add(c => c.Entry, entry));

        view.Find("[data-testid=chat-message-copy]").Click();

        Assert.Equal("First **part**.\n\nSecond.", Assert.Single(copy.Invocations).Arguments[0]);
    }

    [Fact]
    public void ChatMessageView_UserText_IsPlainText_EvenWhenItLooksLikeMarkup()
    {
        var entry = new ChatEntry { Id = "m1", Role = "user", At = DateTime.UtcNow };
        entry.Parts.Add(Text("why is *this* <b>paused</b>?"));

        var view = Render<ChatMessageView>(p => p.Add(c => c.Entry, entry));

        Assert.Equal("why is *this* <b>paused</b>?", view.Find("[data-testid=chat-text]").TextContent);
        Assert.Empty(view.FindAll("b, em"));
        Assert.Equal("user", view.Find("[data-testid=chat-message]").GetAttribute("data-role"));
    }

    [Theory]
    [InlineData(ChatEntryStatus.Failed, "timeout", "chat-message-failed", "No answer within 60 seconds.")]
    [InlineData(ChatEntryStatus.Failed, "something_new", "chat-message-failed", "The model said no.")]
    [InlineData(ChatEntryStatus.Cancelled, null, "chat-message-cancelled", "Stopped")]
    public void ChatMessageView_FailedOrStopped_SaysSoUnderTheMessage(ChatEntryStatus status, string? code, string testId, string text)
    {
        var entry = new ChatEntry { Id = "m1", Role = "assistant", At = DateTime.UtcNow, Status = status, ErrorCode = code, ErrorMessage = "The model said no." };

        var view = Render<ChatMessageView>(p => p.Add(c => c.Entry, entry));

        Assert.Equal(text, view.Find($"[data-testid={testId}]").TextContent.Trim());
        Assert.Empty(view.FindAll(".chat-bubble")); // no empty bubble above it
    }

    private static TextPart Text(string markdown)
    {
        var part = new TextPart { Id = Guid.NewGuid().ToString("N") };
        part.Markdown.Append(markdown);
        return part;
    }

    private static TableSpec Spec() => new("Spend by campaign", ["Campaign", "Spend"],
    [
        [JsonValue.Create("Spring"), JsonValue.Create(9)],
        [JsonValue.Create("Summer"), JsonValue.Create(120)],
        [JsonValue.Create("=cmd"), null],
    ]);
}
