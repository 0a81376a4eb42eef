using AdPilot.Core.Reports;
using AdPilot.Web.Features.Notifications;
using AdPilot.Web.Features.Privacy;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.States;
using Microsoft.Extensions.Logging.Abstractions;

namespace AdPilot.Web.Tests.Privacy;

public sealed class AccountDeletionJobsTests
{
    [Fact]
    public async Task CancelUserJobsAsync_DeletesTheUsersEnqueuedAndScheduledJobs_AndLeavesOthers()
    {
        using var storage = new InMemoryStorage();
        var client = new BackgroundJobClient(storage);
        var sync = client.Enqueue<ReportIngestion>(s => s.SyncAsync(7, 1, CancellationToken.None));
        var later = client.Schedule<ReportIngestion>(s => s.SyncAsync(7, 2, CancellationToken.None), TimeSpan.FromHours(1));
        var email = client.Enqueue<NotificationEmailJob>(j => j.RunAsync(42, CancellationToken.None));
        var otherUser = client.Enqueue<ReportIngestion>(s => s.SyncAsync(8, 3, CancellationToken.None));
        var otherEmail = client.Enqueue<NotificationEmailJob>(j => j.RunAsync(43, CancellationToken.None));
        var jobs = new AccountDeletionJobs(storage, client, NullLogger<AccountDeletionJobs>.Instance);

        await jobs.CancelUserJobsAsync(7, [42], CancellationToken.None);

        using var connection = storage.GetConnection();
        string State(string id) => connection.GetJobData(id)?.State ?? "";
        Assert.Equal([DeletedState.StateName, DeletedState.StateName, DeletedState.StateName], [State(sync), State(later), State(email)]);
        Assert.Equal([EnqueuedState.StateName, EnqueuedState.StateName], [State(otherUser), State(otherEmail)]);
    }
}
