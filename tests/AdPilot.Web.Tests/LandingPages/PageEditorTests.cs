using System.Globalization;
using System.Security.Claims;
using AdPilot.Core.LandingPages;
using AdPilot.Web.Features.LandingPages;
using AdPilot.Web.Tests.Components;
using AdPilot.Web.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace AdPilot.Web.Tests.LandingPages;

/// <summary>The editor's block operations, undo/redo and autosave through its UI, on the real host's landing page services.</summary>
public sealed class PageEditorTests : UiTestContext, IAsyncLifetime
{
    private readonly AdPilotFactory _host = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
    private IRenderedComponent<MudPopoverProvider> _popovers = null!;
    private long _userId;
    private LandingPageView _page = null!;

    private LandingPageService Pages => _host.Services.GetRequiredService<LandingPageService>();

    public async Task InitializeAsync()
    {
        var user = await _host.SignInAsync("editor-ui@example.com");
        _userId = user.Id;
        _page = await Pages.CreateAsync(_userId, new CreateLandingPageRequest
        {
            Name = "Spring sale",
            Document = new LandingPageDocument
            {
                Blocks =
                [
                    new PageBlock { Id = "hero", Type = BlockType.Hero, Title = "Alpha" },
                    new PageBlock { Id = "head", Type = BlockType.Heading, Title = "Bravo", Level = 2 },
                    new PageBlock { Id = "text", Type = BlockType.RichText, Html = "<p>Charlie</p>" },
                ],
            },
        });

        Services.AddSingleton(Pages);
        Services.AddSingleton(_host.Services.GetRequiredService<LandingPagePublisher>());
        Services.AddSingleton<TimeProvider>(_clock);
        AddAuthorization().SetAuthorized("editor-ui@example.com").SetClaims(new Claim("sub", _userId.ToString(CultureInfo.InvariantCulture)));
        _popovers = Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        Render<MudDialogProvider>();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _host.DisposeAsync();
    }

    private IRenderedComponent<PageEditor> Editor() =>
        Render<PageEditor>(p => p.Add(c => c.Page, _page).Add(c => c.UserId, _userId));

    private static string[] Order(IRenderedComponent<PageEditor> editor) =>
        editor.FindAll("[data-testid=block-item] .block-summary").Select(e => e.TextContent).ToArray();

    private static void ClickIn(IRenderedComponent<PageEditor> editor, int index, string action) =>
        editor.FindAll("[data-testid=block-item]")[index].QuerySelector($"[data-testid={action}]")!.Click();

    [Fact]
    public void AddBlock_FromTheMenu_InsertsItAfterTheSelectedBlockWithAFreshId()
    {
        var editor = Editor();

        editor.Find("[data-testid=add-block] button").Click();
        _popovers.WaitForAssertion(() => _popovers.Find("[data-testid=add-block-FeatureList]").Click());

        editor.WaitForAssertion(() => Assert.Equal(["Alpha", "Why choose us", "Bravo", "Charlie"], Order(editor)));
        var ids = editor.FindAll("[data-testid=block-item]").Select(e => e.GetAttribute("data-block-id")).ToList();
        Assert.Equal(4, ids.Distinct().Count());
        Assert.Matches("^b[0-9a-f]{10}$", ids[1]);
        Assert.Equal("true", editor.FindAll("[data-testid=block-item]")[1].GetAttribute("aria-current"));
    }

    [Fact]
    public void RemoveAndDuplicate_ChangeTheList_AndTheCopyGetsItsOwnId()
    {
        var editor = Editor();

        ClickIn(editor, 1, "block-duplicate");
        editor.WaitForAssertion(() => Assert.Equal(["Alpha", "Bravo", "Bravo", "Charlie"], Order(editor)));
        var ids = editor.FindAll("[data-testid=block-item]").Select(e => e.GetAttribute("data-block-id")).ToList();
        Assert.NotEqual(ids[1], ids[2]);

        ClickIn(editor, 0, "block-remove");
        editor.WaitForAssertion(() => Assert.Equal(["Bravo", "Bravo", "Charlie"], Order(editor)));
    }

    [Fact]
    public void AltArrows_OnAFocusedBlock_MoveIt_AndTheButtonsDoTheSame()
    {
        var editor = Editor();

        editor.FindAll("[data-testid=block-item]")[2].KeyDown(new KeyboardEventArgs { Key = "ArrowUp", AltKey = true });
        editor.WaitForAssertion(() => Assert.Equal(["Alpha", "Charlie", "Bravo"], Order(editor)));
        editor.FindAll("[data-testid=block-item]")[0].KeyDown(new KeyboardEventArgs { Key = "ArrowDown", AltKey = true });
        editor.WaitForAssertion(() => Assert.Equal(["Charlie", "Alpha", "Bravo"], Order(editor)));
        editor.FindAll("[data-testid=block-item]")[0].KeyDown(new KeyboardEventArgs { Key = "ArrowUp", AltKey = true }); // already first
        editor.WaitForAssertion(() => Assert.Equal(["Charlie", "Alpha", "Bravo"], Order(editor)));
        editor.FindAll("[data-testid=block-item]")[1].KeyDown(new KeyboardEventArgs { Key = "ArrowDown" }); // no Alt: no move
        editor.WaitForAssertion(() => Assert.Equal(["Charlie", "Alpha", "Bravo"], Order(editor)));

        ClickIn(editor, 2, "block-up");
        editor.WaitForAssertion(() => Assert.Equal(["Charlie", "Bravo", "Alpha"], Order(editor)));
        Assert.True(editor.FindAll("[data-testid=block-item]")[0].QuerySelector("[data-testid=block-up]")!.HasAttribute("disabled"));
    }

    [Fact]
    public void UndoRedo_TwentyFiveStepsThroughTheToolbar_ReturnEveryState()
    {
        var editor = Editor();
        var states = new List<string[]> { Order(editor) };
        for (var i = 0; i < 25; i++)
        {
            var before = Order(editor);
            ClickIn(editor, i % 2 == 0 ? 0 : 1, "block-down");
            editor.WaitForAssertion(() => Assert.NotEqual(before, Order(editor)));
            states.Add(Order(editor));
        }

        for (var i = 24; i >= 0; i--)
        {
            editor.Find("[data-testid=editor-undo]").Click();
            editor.WaitForAssertion(() => Assert.Equal(states[i], Order(editor)));
        }

        editor.WaitForAssertion(() => Assert.True(editor.Find("[data-testid=editor-undo]").HasAttribute("disabled")));
        for (var i = 1; i <= 25; i++)
        {
            editor.Find("[data-testid=editor-redo]").Click();
            editor.WaitForAssertion(() => Assert.Equal(states[i], Order(editor)));
        }

        editor.WaitForAssertion(() => Assert.True(editor.Find("[data-testid=editor-redo]").HasAttribute("disabled")));
    }

    [Fact]
    public void Edit_AfterUndo_ClearsRedo()
    {
        var editor = Editor();
        ClickIn(editor, 0, "block-down");
        editor.Find("[data-testid=editor-undo]").Click();
        editor.WaitForAssertion(() => Assert.False(editor.Find("[data-testid=editor-redo]").HasAttribute("disabled")));

        ClickIn(editor, 2, "block-remove");

        editor.WaitForAssertion(() => Assert.True(editor.Find("[data-testid=editor-redo]").HasAttribute("disabled")));
    }

    [Fact]
    public async Task Autosave_ASecondAfterTheLastChange_SavesTheDocument_AndSaysSaved()
    {
        var editor = Editor();

        ClickIn(editor, 0, "block-remove");
        Assert.Equal("Pending", editor.Find("[data-testid=save-state]").GetAttribute("data-state"));
        _clock.Advance(TimeSpan.FromMilliseconds(900));
        Assert.Equal(3, (await Pages.GetAsync(_userId, _page.Id)).Document.Blocks.Count);
        _clock.Advance(TimeSpan.FromMilliseconds(100));

        editor.WaitForAssertion(() => Assert.Equal("Saved", editor.Find("[data-testid=save-state]").GetAttribute("data-state")));
        var saved = await Pages.GetAsync(_userId, _page.Id);
        Assert.Equal(["Bravo", "Charlie"], saved.Document.Blocks.Select(b => b.Title ?? "Charlie").ToArray());
    }

    [Fact]
    public async Task Autosave_PageChangedElsewhere_ShowsTheConflict_AndDoesNotOverwrite()
    {
        var editor = Editor();
        await Pages.UpdateAsync(_userId, _page.Id, new UpdateLandingPageRequest { Name = "Changed in another tab" });

        ClickIn(editor, 0, "block-remove");
        _clock.Advance(TimeSpan.FromSeconds(1));

        editor.WaitForAssertion(() => Assert.Single(editor.FindAll("[data-testid=editor-conflict]")));
        Assert.Equal(3, (await Pages.GetAsync(_userId, _page.Id)).Document.Blocks.Count);
    }

    [Fact]
    public async Task AddBlock_EveryTypesDefaults_AreAcceptedByTheService()
    {
        var state = new EditorState(new LandingPageDocument());
        foreach (var type in Enum.GetValues<BlockType>())
        {
            Assert.Equal(type, state.Add(type)!.Type);
        }

        var saved = await Pages.UpdateAsync(_userId, _page.Id, new UpdateLandingPageRequest { Document = state.Document });

        Assert.Equal(Enum.GetValues<BlockType>(), saved.Document.Blocks.Select(b => b.Type).ToArray());
    }

    [Fact]
    public async Task EditorPage_AnotherUsersPage_ShowsNotFound()
    {
        var other = await _host.SignInAsync("editor-ui-other@example.com");
        var theirs = await Pages.CreateAsync(other.Id, new CreateLandingPageRequest { Name = "Not yours" });

        var page = Render<LandingPageEditorPage>(p => p.Add(c => c.Id, theirs.Id));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=editor-not-found]")));
        Assert.Empty(page.FindAll("[data-testid=landing-editor]"));
    }
}
