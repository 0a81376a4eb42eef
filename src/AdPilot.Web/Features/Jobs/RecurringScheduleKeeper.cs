using System.ComponentModel.DataAnnotations;
using Hangfire;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AdPilot.Web.Features.Jobs;

public sealed class RecurringScheduleOptions
{
    public const string Section = "Jobs";

    /// <summary>How often each node re-applies the recurring schedule, so it comes back after the job storage was emptied.</summary>
    [Range(1, 86_400, ErrorMessage = "Jobs:ScheduleRefreshSeconds must be between 1 and 86400.")]
    public int ScheduleRefreshSeconds { get; set; } = 60;
}

/// <summary>
/// Applies the recurring schedule at start, again whenever Redis reconnects, and every few minutes in between: a Redis
/// that restarts empty (or is down at start) lost the definitions, and nothing else would write them back before a
/// restart. AddOrUpdate is idempotent, so re-applying costs a few writes.
/// </summary>
internal sealed class RecurringScheduleKeeper(
    IServiceProvider services,
    IOptions<RecurringScheduleOptions> options,
    ILogger<RecurringScheduleKeeper> logger) : BackgroundService
{
    private readonly SemaphoreSlim _nudge = new(0);
    private bool _failing;

    /// <summary>Applies the schedule before the host serves (when the storage is up), so a fresh node starts complete.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetKeyedService<IConnectionMultiplexer>(JobsSetup.RedisKey) is { } redis)
        {
            redis.ConnectionRestored += (_, _) => _nudge.Release();
        }

        TryApply();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(options.Value.ScheduleRefreshSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _nudge.WaitAsync(_failing ? TimeSpan.FromSeconds(Math.Min(5, period.TotalSeconds)) : period, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            TryApply();
        }
    }

    private void TryApply()
    {
        try
        {
            JobsSetup.ApplyRecurringSchedule(services.GetRequiredService<IRecurringJobManager>());
            if (_failing)
            {
                logger.LogInformation("Recurring job schedule applied again after the job storage came back.");
            }

            _failing = false;
        }
        catch (Exception ex)
        {
            if (!_failing)
            {
                logger.LogWarning("Could not apply the recurring job schedule (job storage unavailable); retrying: {Error}", ex.Message);
            }

            _failing = true;
        }
    }

    public override void Dispose()
    {
        _nudge.Dispose();
        base.Dispose();
    }
}
