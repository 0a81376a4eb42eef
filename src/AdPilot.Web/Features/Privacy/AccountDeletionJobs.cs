using AdPilot.Core.AccountDeletion;
using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;

namespace AdPilot.Web.Features.Privacy;

/// <summary>
/// Hangfire's side of a deletion: the user's enqueued and scheduled jobs are deleted when their arguments name the user
/// (a <c>long userId</c> parameter, the house convention of owner id first) or one of the user's pending notification
/// e-mails; jobs that cannot be identified become no-ops through <see cref="DeletedUserJobFilter"/>.
/// </summary>
internal sealed class AccountDeletionJobs(JobStorage storage, IBackgroundJobClient jobs, ILogger<AccountDeletionJobs> logger) : IAccountDeletionJobs
{
    private const int PageSize = 500;

    public Task CancelUserJobsAsync(long userId, IReadOnlyCollection<long> notificationIds, CancellationToken ct)
    {
        var monitoring = storage.GetMonitoringApi();
        var ids = new List<string>();
        foreach (var queue in monitoring.Queues())
        {
            ids.AddRange(Pages(from => monitoring.EnqueuedJobs(queue.Name, from, PageSize).Select(j => (j.Key, (Job?)j.Value.Job))));
        }

        ids.AddRange(Pages(from => monitoring.ScheduledJobs(from, PageSize).Select(j => (j.Key, (Job?)j.Value.Job))));
        var cancelled = ids.Distinct().Count(jobs.Delete);
        logger.LogInformation("Cancelled {Count} pending jobs of deleted user {UserId}", cancelled, userId);
        return Task.CompletedTask;

        IEnumerable<string> Pages(Func<int, IEnumerable<(string Id, Job? Job)>> page)
        {
            for (var from = 0; ; from += PageSize)
            {
                var items = page(from).ToList();
                foreach (var (id, job) in items)
                {
                    if (job is not null && Names(job, userId, notificationIds))
                    {
                        yield return id;
                    }
                }

                if (items.Count < PageSize)
                {
                    yield break;
                }
            }
        }
    }

    public void DrainStorageOutboxSoon() => jobs.Enqueue<StorageDeletionOutbox>(o => o.DrainAsync(CancellationToken.None));

    /// <summary>Whether the job's arguments name the user or one of its pending notifications.</summary>
    internal static bool Names(Job job, long userId, IReadOnlyCollection<long> notificationIds)
    {
        var parameters = job.Method.GetParameters();
        for (var i = 0; i < parameters.Length && i < job.Args.Count; i++)
        {
            if (parameters[i].ParameterType == typeof(long) && job.Args[i] is long value
                && ((parameters[i].Name == "userId" && value == userId) || (parameters[i].Name == "notificationId" && notificationIds.Contains(value))))
            {
                return true;
            }
        }

        return false;
    }
}
