using AdPilot.Core.Data;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Web.Features.Privacy;

/// <summary>
/// A job for a user (a <c>long userId</c> argument) that starts after the user was deleted does nothing: a job enqueued
/// during the deletion, or one on another node's queue that the deletion could not see, cannot recreate the user's data.
/// </summary>
internal sealed class DeletedUserJobFilter(IDbContextFactory<AppDbContext> dbFactory) : IServerFilter
{
    public void OnPerforming(PerformingContext context)
    {
        var job = context.BackgroundJob.Job;
        var parameters = job.Method.GetParameters();
        for (var i = 0; i < parameters.Length && i < job.Args.Count; i++)
        {
            if (parameters[i].Name == "userId" && job.Args[i] is long userId)
            {
                using var db = dbFactory.CreateDbContext();
                if (!db.Users.Any(u => u.Id == userId))
                {
                    context.Canceled = true;
                }

                return;
            }
        }
    }

    public void OnPerformed(PerformedContext context)
    {
    }
}
