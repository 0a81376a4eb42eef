using AdPilot.Core.LandingPages;

namespace AdPilot.Web.Features.LandingPages;

/// <summary>
/// The editor's in-memory document and its history (docs/decisions/032): every operation makes a new immutable
/// document and pushes it, so undo and redo are swapping snapshots, and autosave sends whatever is current.
/// </summary>
public sealed class EditorState(LandingPageDocument document)
{
    private readonly EditHistory<LandingPageDocument> _history = new(document, capacity: 50);
    private string? _selectedId;

    /// <summary>Raised after every change (edit, undo, redo, reload).</summary>
    public event Action? Changed;

    public LandingPageDocument Document => _history.Current;

    public IReadOnlyList<PageBlock> Blocks => Document.Blocks;

    public bool CanUndo => _history.CanUndo;

    public bool CanRedo => _history.CanRedo;

    public bool CanAdd => Blocks.Count < LandingPageDocument.MaxBlocks;

    /// <summary>Raised when another block is selected (no edit: nothing to save).</summary>
    public event Action? SelectionChanged;

    /// <summary>The block whose properties are shown; null shows none.</summary>
    public string? SelectedId
    {
        get => _selectedId;
        set
        {
            if (_selectedId != value)
            {
                _selectedId = value;
                SelectionChanged?.Invoke();
            }
        }
    }

    public PageBlock? Selected => Blocks.FirstOrDefault(b => b.Id == SelectedId);

    /// <summary>Adds a new block of the type after the selected one (or at the end) and selects it.</summary>
    public PageBlock? Add(BlockType type)
    {
        if (!CanAdd)
        {
            return null;
        }

        var block = BlockDefaults.For(type);
        var at = IndexOf(SelectedId) is var i and >= 0 ? i + 1 : Blocks.Count;
        SetBlocks(Insert(at, block));
        SelectedId = block.Id;
        Notify();
        return block;
    }

    public void Remove(string id)
    {
        var index = IndexOf(id);
        if (index < 0)
        {
            return;
        }

        var blocks = Blocks.Where(b => b.Id != id).ToList();
        SetBlocks(blocks);
        SelectedId = SelectedId == id ? blocks.ElementAtOrDefault(Math.Min(index, blocks.Count - 1))?.Id : SelectedId;
        Notify();
    }

    public PageBlock? Duplicate(string id)
    {
        var index = IndexOf(id);
        if (index < 0 || !CanAdd)
        {
            return null;
        }

        var copy = Blocks[index] with { Id = BlockDefaults.NewId() };
        SetBlocks(Insert(index + 1, copy));
        SelectedId = copy.Id;
        Notify();
        return copy;
    }

    /// <summary>Moves a block by <paramref name="delta"/> places (keyboard: -1 up, +1 down); nothing at either end.</summary>
    public bool Move(string id, int delta)
    {
        var from = IndexOf(id);
        return from >= 0 && MoveTo(from, from + delta);
    }

    /// <summary>Moves the block at <paramref name="from"/> to <paramref name="to"/> (a drag and drop).</summary>
    public bool MoveTo(int from, int to)
    {
        if (from == to || from < 0 || to < 0 || from >= Blocks.Count || to >= Blocks.Count)
        {
            return false;
        }

        var blocks = Blocks.ToList();
        var block = blocks[from];
        blocks.RemoveAt(from);
        blocks.Insert(to, block);
        SetBlocks(blocks);
        Notify();
        return true;
    }

    /// <summary>Changes one block; edits of the same field in a row (<paramref name="field"/>) are one undo step.</summary>
    public void Update(string id, Func<PageBlock, PageBlock> change, string? field = null)
    {
        var index = IndexOf(id);
        if (index < 0)
        {
            return;
        }

        var blocks = Blocks.ToList();
        blocks[index] = change(blocks[index]) with { Id = id };
        Push(Document with { Blocks = blocks }, field is null ? null : $"{id}:{field}");
    }

    public void UpdateTheme(Func<PageTheme, PageTheme> change, string? field = null) =>
        Push(Document with { Theme = change(Document.Theme) }, field is null ? null : $"theme:{field}");

    public void UpdateSeo(Func<PageSeo, PageSeo> change, string? field = null) =>
        Push(Document with { Seo = change(Document.Seo) }, field is null ? null : $"seo:{field}");

    public void SetLanguage(string language) => Push(Document with { Language = language }, null);

    public bool Undo() => Step(_history.Undo());

    public bool Redo() => Step(_history.Redo());

    /// <summary>Starts again from a document loaded from the server (after a conflict): no undo across it.</summary>
    public void Reset(LandingPageDocument loaded)
    {
        _history.Reset(loaded);
        SelectedId = Blocks.Any(b => b.Id == SelectedId) ? SelectedId : null;
        Notify();
    }

    private bool Step(bool stepped)
    {
        if (stepped)
        {
            SelectedId = Blocks.Any(b => b.Id == SelectedId) ? SelectedId : null;
            Notify();
        }

        return stepped;
    }

    private int IndexOf(string? id) => id is null ? -1 : Blocks.ToList().FindIndex(b => b.Id == id);

    private List<PageBlock> Insert(int at, PageBlock block)
    {
        var blocks = Blocks.ToList();
        blocks.Insert(at, block);
        return blocks;
    }

    private void SetBlocks(List<PageBlock> blocks) => _history.Push(Document with { Blocks = blocks });

    /// <summary>
    /// An edit that changes nothing (an input re-announcing its value, a colour picked again) is not a step: it would
    /// clear redo and make undo look stuck.
    /// </summary>
    private void Push(LandingPageDocument next, string? mergeKey)
    {
        if (next.ToJson() == Document.ToJson())
        {
            return;
        }

        _history.Push(next, mergeKey);
        Notify();
    }

    private void Notify() => Changed?.Invoke();
}
