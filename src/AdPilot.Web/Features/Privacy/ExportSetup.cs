using AdPilot.Core.Export;
using Hangfire;

namespace AdPilot.Web.Features.Privacy;

internal static class ExportSetup
{
    public static void AddDataExport(this WebApplicationBuilder builder) =>
        builder.Services.AddSingleton<IDataExportQueue, HangfireDataExportQueue>();
}

/// <summary>Runs each export as a Hangfire job; the job records its own failure, so Hangfire does not retry it.</summary>
internal sealed class HangfireDataExportQueue(IBackgroundJobClient jobs) : IDataExportQueue
{
    public void Enqueue(long exportId) => jobs.Enqueue<DataExportJob>(j => j.RunAsync(exportId, CancellationToken.None));
}

public sealed class DataExportJob(DataExportService exports)
{
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(long exportId, CancellationToken ct) => exports.RunAsync(exportId, ct);
}
