using System.Text.Json.Nodes;
using AdPilot.Core.Agent;
using AdPilot.Web.Features.Agent;
using AdPilot.Web.Features.Chat;

namespace AdPilot.Web.Tests.Chat;

/// <summary>How a turn's events and a stored conversation become the entries the chat window shows.</summary>
public sealed class ChatTranscriptTests
{
    private static readonly DateTime At = new(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Apply_ATurnsEvents_BuildOneAnswerWithItsPartsInOrder()
    {
        var transcript = new ChatTranscript();
        transcript.AddUser("worst ad sets", null, At);

        foreach (var e in Turn())
        {
            transcript.Apply(e, At);
        }

        var answer = transcript.Entries[1];
        Assert.Equal(("msg_1", "assistant", ChatEntryStatus.Complete, 1.25m), (answer.Id, answer.Role, answer.Status, answer.Credits));
        Assert.Collection(answer.Parts,
            p => Assert.Equal("Let me look. ", Assert.IsType<TextPart>(p).Markdown.ToString()),
            p =>
            {
                var tool = Assert.IsType<ToolPart>(p);
                Assert.Equal(("get_breakdown", ToolState.Done, "ad_set"), (tool.Tool, tool.State, (string?)tool.Input["level"]));
                Assert.Equal(3, (int)tool.Output!["rows"]!);
            },
            p => Assert.Equal(["Name", "CPA"], Assert.IsType<TablePart>(p).Table.Columns),
            p => Assert.Equal("Pause Broad", Assert.IsType<ActionPart>(p).Action.Summary),
            p => Assert.Equal("Broad is the worst.", Assert.IsType<TextPart>(p).Markdown.ToString()));
        Assert.Null(transcript.Answer);
    }

    [Fact]
    public void Apply_TextDeltas_GrowTheSamePartWhileTheyShareAnId()
    {
        var transcript = new ChatTranscript();
        transcript.Apply(new TurnStarted(1, 1, "msg_1"), At);
        transcript.Apply(new TextDelta("text_1", "Hel"), At);
        Assert.Equal(ChatEntryStatus.Streaming, transcript.Answer!.Status);
        transcript.Apply(new TextDelta("text_1", "lo"), At);

        Assert.Equal("Hello", Assert.IsType<TextPart>(Assert.Single(transcript.Answer!.Parts)).Markdown.ToString());
    }

    [Theory]
    [InlineData("timeout", ChatEntryStatus.Failed)]
    [InlineData("cancelled", ChatEntryStatus.Cancelled)]
    public void Apply_TurnFailed_MarksTheAnswerWithTheCode(string code, ChatEntryStatus status)
    {
        var transcript = new ChatTranscript();
        transcript.Apply(new TurnStarted(1, 1, "msg_1"), At);
        transcript.Apply(new ToolStarted("c1", "list_campaigns", []), At);
        transcript.Apply(new TurnFailed(code, "Stopped."), At);

        var answer = Assert.Single(transcript.Entries);
        Assert.Equal((status, code), (answer.Status, answer.ErrorCode));
        Assert.Null(transcript.Answer);
    }

    [Fact]
    public void Apply_TurnFailedBeforeItStarted_AddsAFailedAnswerWithTheDetails()
    {
        var transcript = new ChatTranscript();
        transcript.AddUser("hi", null, At);
        transcript.Apply(new TurnFailed("insufficient_credits", "Top up.", new JsonObject { ["required"] = 3.5m, ["available"] = 0.2m }), At);

        var failed = transcript.Entries[1];
        Assert.Equal(("assistant", ChatEntryStatus.Failed, "insufficient_credits"), (failed.Role, failed.Status, failed.ErrorCode));
        Assert.Equal(0.2m, (decimal)failed.ErrorDetails!["available"]!);
    }

    [Fact]
    public void From_AStoredConversation_RebuildsToolsTextDataAndAttachments()
    {
        var parts = new JsonArray(
            new JsonObject { ["type"] = "tool-get_breakdown", ["toolCallId"] = "c1", ["state"] = "output-available", ["input"] = new JsonObject { ["level"] = "ad_set" }, ["output"] = new JsonObject { ["rows"] = 3 } },
            new JsonObject { ["type"] = "tool-pause_ad_set", ["toolCallId"] = "c2", ["state"] = "output-error", ["input"] = new JsonObject(), ["output"] = new JsonObject { ["error"] = "x" } },
            Data(Table()),
            Data(Action()));
        var userParts = new JsonArray(
            new JsonObject { ["type"] = "data-image", ["data"] = new JsonObject { ["creativeId"] = 42 } },
            new JsonObject { ["type"] = "source-url", ["url"] = "https://example.com/landing" });
        var conversation = new ConversationView(7, "Worst ad sets", At, At,
        [
            new ConversationMessageView(10, "user", "score this", userParts.ToJsonString(), "complete", null, 0, 0, 0m, At),
            new ConversationMessageView(11, "assistant", "Broad is the worst.", parts.ToJsonString(), "complete", "offline", 10, 5, 0.75m, At.AddSeconds(3)),
            new ConversationMessageView(12, "user", "and now?", null, "complete", null, 0, 0, 0m, At.AddMinutes(1)),
            new ConversationMessageView(13, "assistant", "", "not json", "cancelled", "offline", 0, 0, 0m, At.AddMinutes(1)),
        ]);

        var entries = ChatTranscript.From(conversation).Entries;

        Assert.Equal(["m10", "m11", "m12", "m13"], entries.Select(e => e.Id));
        Assert.Equal(["image:42", "link:https://example.com/landing"], entries[0].Attachments.Select(a => a.Kind + ":" + (a.CreativeId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? a.Url)));
        Assert.Equal("score this", entries[0].Text);
        Assert.Collection(entries[1].Parts,
            p => Assert.Equal(ToolState.Done, Assert.IsType<ToolPart>(p).State),
            p => Assert.Equal(("pause_ad_set", ToolState.Failed), (((ToolPart)p).Tool, ((ToolPart)p).State)),
            p => Assert.Equal("Broad is the worst.", Assert.IsType<TextPart>(p).Markdown.ToString()),
            p => Assert.IsType<TablePart>(p),
            p => Assert.Equal(5, Assert.IsType<ActionPart>(p).Action.Id));
        Assert.Equal((0.75m, At.AddSeconds(3)), (entries[1].Credits, entries[1].At));
        Assert.Equal(ChatEntryStatus.Cancelled, entries[3].Status);
        Assert.Empty(entries[3].Parts);
    }

    [Fact]
    public void Update_AnAppliedAction_ReplacesItsCard()
    {
        var transcript = new ChatTranscript();
        transcript.Apply(new TurnStarted(1, 1, "msg_1"), At);
        transcript.Apply(new DataShown("action", "action-5", Action()), At);

        transcript.Update(View() with { Status = "applied", ActionLogId = 9 });

        Assert.Equal("applied", Assert.IsType<ActionPart>(Assert.Single(transcript.Answer!.Parts)).Action.Status);
    }

    private static IEnumerable<AgentEvent> Turn() =>
    [
        new TurnStarted(7, 10, "msg_1"),
        new TextDelta("text_1", "Let me look. "),
        new ToolStarted("c1", "get_breakdown", new JsonObject { ["level"] = "ad_set" }),
        new ToolFinished("c1", "get_breakdown", new JsonObject { ["rows"] = 3 }, false),
        new DataShown("table", "table-2", Table()),
        new DataShown("action", "action-5", Action()),
        new TextDelta("text_3", "Broad is the worst."),
        new TurnFinished("offline", 10, 5, 1.25m, 98.75m),
    ];

    private static JsonObject Data(JsonNode data) => new()
    {
        ["type"] = "data-" + (data["columns"] is null ? "action" : "table"),
        ["id"] = data["columns"] is null ? "action-5" : "table-2",
        ["data"] = data,
    };

    private static JsonNode Table() => System.Text.Json.JsonSerializer.SerializeToNode(
        new TableSpec("Worst ad sets", ["Name", "CPA"], [[JsonValue.Create("Broad"), JsonValue.Create(41.33m)]]), AdPilot.Web.Features.Mcp.McpJson.Options)!;

    private static JsonNode Action() => System.Text.Json.JsonSerializer.SerializeToNode(View(), AdPilot.Web.Features.Mcp.McpJson.Options)!;

    private static AgentActionView View() => new(5, 7, "pause_ad_set", "ad_set", 3, "Broad", "Pause Broad",
        [new AdPilot.Web.Features.Mcp.FieldChange("status", "active", "paused")], null, null, "proposed", null, null, At, null);
}
