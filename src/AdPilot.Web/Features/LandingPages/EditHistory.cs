namespace AdPilot.Web.Features.LandingPages;

/// <summary>
/// Undo and redo over immutable snapshots: each edit pushes the new state, undo steps back, redo forward, and a new edit
/// after an undo drops the redo steps. Keeps at most <see cref="Capacity"/> steps back (the oldest go first). Edits with
/// the same merge key in a row (typing in one field) replace the last step instead of adding one.
/// </summary>
public sealed class EditHistory<T>
    where T : class
{
    private readonly LinkedList<T> _undo = new();
    private readonly Stack<T> _redo = new();
    private string? _lastMergeKey;

    public EditHistory(T initial, int capacity = 50)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Current = initial;
        Capacity = capacity;
    }

    public T Current { get; private set; }

    public int Capacity { get; }

    public bool CanUndo => _undo.Count > 0;

    public bool CanRedo => _redo.Count > 0;

    public int UndoDepth => _undo.Count;

    /// <summary>Records <paramref name="next"/> as the current state; the same object again is no edit.</summary>
    public void Push(T next, string? mergeKey = null)
    {
        if (ReferenceEquals(next, Current))
        {
            return;
        }

        var merge = mergeKey is not null && mergeKey == _lastMergeKey && _redo.Count == 0 && _undo.Count > 0;
        if (!merge)
        {
            _undo.AddLast(Current);
            if (_undo.Count > Capacity)
            {
                _undo.RemoveFirst();
            }
        }

        _redo.Clear();
        _lastMergeKey = mergeKey;
        Current = next;
    }

    public bool Undo()
    {
        if (_undo.Last is not { } previous)
        {
            return false;
        }

        _undo.RemoveLast();
        _redo.Push(Current);
        Current = previous.Value;
        _lastMergeKey = null;
        return true;
    }

    public bool Redo()
    {
        if (!_redo.TryPop(out var next))
        {
            return false;
        }

        _undo.AddLast(Current);
        Current = next;
        _lastMergeKey = null;
        return true;
    }

    /// <summary>Starts over from <paramref name="state"/> (a reload): nothing to undo or redo.</summary>
    public void Reset(T state)
    {
        _undo.Clear();
        _redo.Clear();
        _lastMergeKey = null;
        Current = state;
    }
}
