using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace AdPilot.Web.Tests.Support;

/// <summary>A job client that queues nothing: for hosts whose tests run the work themselves and want no background copy racing them.</summary>
public sealed class DroppedJobs : IBackgroundJobClient
{
    public string Create(Job job, IState state) => Guid.NewGuid().ToString("N");

    public bool ChangeState(string jobId, IState state, string expectedState) => true;
}
