using AdPilot.Core.Export;
using AdPilot.Core.Notifications;

namespace AdPilot.Bench.Export;

/// <summary>The resident set from /proc (Linux): now, and its high-water mark since the last reset.</summary>
internal static class ProcessStats
{
    public static long ResidentBytes() => Status("VmRSS");

    public static long PeakResidentBytes() => Status("VmHWM");

    /// <summary>Linux resets the high-water mark when "5" is written to clear_refs.</summary>
    public static void ResetPeak() => File.WriteAllText("/proc/self/clear_refs", "5");

    private static long Status(string field)
    {
        var line = File.ReadLines("/proc/self/status").Single(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}

/// <summary>The bench runs the job itself and needs no push or e-mail.</summary>
internal sealed class QuietChannels : IDataExportQueue, INotificationPush, INotificationEmailQueue
{
    void IDataExportQueue.Enqueue(long exportId)
    {
    }

    void INotificationEmailQueue.Enqueue(long notificationId)
    {
    }

    public Task PushAsync(long userId, NotificationView notification, CancellationToken ct) => Task.CompletedTask;
}
