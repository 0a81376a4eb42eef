namespace AdPilot.Core.AccountDeletion;

/// <summary>
/// An outbox row: objects of a deleted account still to be removed from object storage. Written in the same transaction
/// that deletes the account's rows, so a storage outage never leaves rows half-deleted or files orphaned; removed once
/// the objects are gone (docs/decisions/036). Not user-owned: the user row is gone when it is worked on.
/// </summary>
public sealed class StorageDeletion
{
    public long Id { get; set; }

    /// <summary>An object key, or a prefix ending in <c>/</c> whose every object goes.</summary>
    public string Key { get; set; } = "";

    public bool IsPrefix { get; set; }

    public int Attempts { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime NextAttemptAt { get; set; }

    /// <summary>The last failure's exception type, never its message (which may name the bucket or carry a signed URL).</summary>
    public string? LastError { get; set; }
}
