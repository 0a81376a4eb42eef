using AdPilot.Core.LandingPages;
using AdPilot.Web.Features.LandingPages;

namespace AdPilot.Web.Tests.LandingPages;

public sealed class EditorStateTests
{
    private static EditorState State() => new(new LandingPageDocument
    {
        Blocks = [new PageBlock { Id = "a", Type = BlockType.Hero, Title = "A" }, new PageBlock { Id = "b", Type = BlockType.Heading, Title = "B" }],
    });

    [Fact]
    public void Update_ThatChangesNothing_IsNoStep_AndKeepsRedo()
    {
        var state = State();
        state.Move("a", 1);
        state.Undo();
        var changes = 0;
        state.Changed += () => changes++;

        state.Update("a", b => b with { Title = "A" }, "title");
        state.UpdateTheme(t => t with { PrimaryColor = t.PrimaryColor });

        Assert.Equal(0, changes);
        Assert.True(state.CanRedo);
    }

    [Fact]
    public void TypingInOneField_IsOneUndoStep()
    {
        var state = State();

        state.Update("a", b => b with { Title = "Ne" }, "title");
        state.Update("a", b => b with { Title = "New" }, "title");
        state.Update("a", b => b with { Title = "News" }, "title");
        state.Undo();

        Assert.Equal("A", state.Blocks[0].Title);
        Assert.False(state.CanUndo);
    }

    [Fact]
    public void Add_AtTheLimit_IsRefused()
    {
        var state = new EditorState(new LandingPageDocument
        {
            Blocks = Enumerable.Range(0, LandingPageDocument.MaxBlocks).Select(i => new PageBlock { Id = $"b{i}", Type = BlockType.Heading }).ToList(),
        });

        Assert.Null(state.Add(BlockType.Footer));
        Assert.Null(state.Duplicate("b0"));
        Assert.Equal(LandingPageDocument.MaxBlocks, state.Blocks.Count);
    }
}
