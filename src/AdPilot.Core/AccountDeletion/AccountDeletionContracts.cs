using System.ComponentModel.DataAnnotations;

namespace AdPilot.Core.AccountDeletion;

/// <summary>The typed confirmation: exactly <see cref="AccountDeletionService.ConfirmationWord"/>.</summary>
public sealed record DeleteAccountRequest
{
    [Required(ErrorMessage = "Type DELETE to confirm.")]
    [StringLength(32, ErrorMessage = "Type DELETE to confirm.")]
    public string? Confirmation { get; set; }
}

/// <summary>How the request was authenticated: deletion needs a person who signed in a moment ago.</summary>
/// <param name="SignedInAt">When the person last signed in (a browser session's start, an API sign-in's time); null when unknown.</param>
/// <param name="IsDelegated">A personal access token or an OAuth client acting for the user: never allowed to delete the account.</param>
public sealed record DeletionCaller(DateTime? SignedInAt, bool IsDelegated);

/// <summary>What the deletion did, for the response and the log.</summary>
public sealed record AccountDeletionResult(DateTime DeletedAt, int StoredObjectsQueued, int RecordsKeptAnonymised);

/// <summary>The job side of a deletion (Hangfire lives in the host).</summary>
public interface IAccountDeletionJobs
{
    /// <summary>Deletes the user's enqueued and scheduled jobs that can be identified (a <c>userId</c> argument, or one of <paramref name="notificationIds"/>).</summary>
    Task CancelUserJobsAsync(long userId, IReadOnlyCollection<long> notificationIds, CancellationToken ct);

    /// <summary>Asks for the storage outbox to be worked on now, rather than at its next minute.</summary>
    void DrainStorageOutboxSoon();
}
