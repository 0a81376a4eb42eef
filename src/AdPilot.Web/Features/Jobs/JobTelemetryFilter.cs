using System.Diagnostics;
using AdPilot.Core.Common;
using Hangfire.Server;

namespace AdPilot.Web.Features.Jobs;

/// <summary>
/// Counts and times every job run by outcome, and wraps it in a span so its log lines carry a trace id like a request's.
/// Given to this host's server only (not Hangfire's static global filters), so hosts side by side count their own runs.
/// </summary>
internal sealed class JobTelemetryFilter(AppMetrics metrics) : IServerFilter
{
    private const string StartedKey = "adpilot:started";
    private const string ActivityKey = "adpilot:activity";

    public void OnPerforming(PerformingContext context)
    {
        context.Items[StartedKey] = Stopwatch.GetTimestamp();
        if (AppMetrics.Activities.StartActivity($"job {Name(context)}", ActivityKind.Internal) is { } activity)
        {
            activity.SetTag("job.id", context.BackgroundJob.Id);
            context.Items[ActivityKey] = activity;
        }
    }

    public void OnPerformed(PerformedContext context)
    {
        var outcome = context.Canceled ? "canceled" : context.Exception is null ? "succeeded" : "failed";
        var elapsed = context.Items.TryGetValue(StartedKey, out var started) ? Stopwatch.GetElapsedTime((long)started) : TimeSpan.Zero;
        metrics.JobRun(Name(context), outcome, elapsed);
        if (context.Items.TryGetValue(ActivityKey, out var value) && value is Activity activity)
        {
            activity.SetStatus(outcome == "failed" ? ActivityStatusCode.Error : ActivityStatusCode.Ok);
            activity.Dispose();
        }
    }

    private static string Name(PerformContext context) =>
        context.BackgroundJob.Job is { } job ? $"{job.Type.Name}.{job.Method.Name}" : "unknown";
}
