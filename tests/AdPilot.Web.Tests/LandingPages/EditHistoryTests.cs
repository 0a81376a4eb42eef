using AdPilot.Web.Features.LandingPages;

namespace AdPilot.Web.Tests.LandingPages;

public sealed class EditHistoryTests
{
    private static EditHistory<string> AfterEdits(int edits, int capacity = 50)
    {
        var history = new EditHistory<string>("s0", capacity);
        for (var i = 1; i <= edits; i++)
        {
            history.Push($"s{i}");
        }

        return history;
    }

    [Fact]
    public void Undo_TwentyFiveEdits_StepsBackThroughEveryOne_ThenRedoReturns()
    {
        var history = AfterEdits(25);

        for (var i = 24; i >= 0; i--)
        {
            Assert.True(history.Undo());
            Assert.Equal($"s{i}", history.Current);
        }

        Assert.False(history.Undo());
        for (var i = 1; i <= 25; i++)
        {
            Assert.True(history.Redo());
            Assert.Equal($"s{i}", history.Current);
        }

        Assert.False(history.CanRedo);
    }

    [Fact]
    public void Push_AfterUndo_ClearsRedo()
    {
        var history = AfterEdits(3);
        history.Undo();
        history.Undo();

        history.Push("other");

        Assert.False(history.CanRedo);
        Assert.False(history.Redo());
        history.Undo();
        Assert.Equal("s1", history.Current);
    }

    [Fact]
    public void Push_BeyondCapacity_DropsTheOldestSteps()
    {
        var history = AfterEdits(60, capacity: 50);

        Assert.Equal(50, history.UndoDepth);
        while (history.Undo())
        {
        }

        Assert.Equal("s10", history.Current);
    }

    [Fact]
    public void Push_SameMergeKeyInARow_IsOneStep_AnotherKeyStartsANewOne()
    {
        var history = new EditHistory<string>("", 50);
        history.Push("H", "title");
        history.Push("He", "title");
        history.Push("Hey", "title");
        history.Push("Hey!", "subtitle");

        history.Undo();
        Assert.Equal("Hey", history.Current);
        history.Undo();
        Assert.Equal("", history.Current);
        Assert.False(history.CanUndo);
    }

    [Fact]
    public void Push_SameMergeKeyAfterUndo_StartsANewStep()
    {
        var history = new EditHistory<string>("a", 50);
        history.Push("ab", "title");
        history.Undo();

        history.Push("ac", "title");
        history.Undo();

        Assert.Equal("a", history.Current);
    }

    [Fact]
    public void Push_SameObject_IsNoEdit_AndResetForgetsEverything()
    {
        var history = AfterEdits(2);
        history.Push(history.Current);
        Assert.Equal(2, history.UndoDepth);

        history.Reset("fresh");

        Assert.Equal(("fresh", false, false), (history.Current, history.CanUndo, history.CanRedo));
    }
}
