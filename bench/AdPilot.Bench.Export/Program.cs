using System.Diagnostics;
using System.Globalization;
using AdPilot.Bench.Export;
using AdPilot.Core.Data;
using AdPilot.Core.Export;
using AdPilot.Core.Notifications;
using AdPilot.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// Data export benchmark on SQLite: one account with --rows metric rows (default 2,000,000) and --creatives-mb of
// creatives (default 1024, in files of --file-mb), exported through DataExportService.RunAsync as the job does.
// Prints the seed time, the export's duration, the ZIP's size and the process's peak resident set. Run through bench/export.sh.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = BenchOptions.Parse(args);
var folder = Path.Combine(Path.GetTempPath(), $"adpilot-bench-export-{Guid.NewGuid():N}");
Directory.CreateDirectory(folder);
try
{
    var services = new ServiceCollection();
    services.AddDbContextFactory<AppDbContext>(o => DatabaseSetup.Configure(o, DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "bench.db")}", ""));
    var dbFactory = services.BuildServiceProvider().GetRequiredService<IDbContextFactory<AppDbContext>>();
    var storage = new LocalObjectStorage(Options.Create(new StorageOptions
    {
        Local = new LocalStorageOptions { Folder = Path.Combine(folder, "files"), SigningKey = Convert.ToBase64String(new byte[32]) },
    }), TimeProvider.System);

    var seed = Stopwatch.StartNew();
    var userId = await BenchSeed.AccountAsync(dbFactory, storage, options);
    Console.WriteLine($"seeded {options.Rows:N0} metric rows and {options.CreativesMb:N0} MB of creatives in {seed.Elapsed.TotalSeconds:0.0} s");

    var quiet = new QuietChannels();
    var exports = new DataExportService(dbFactory, storage, quiet, new NotificationService(dbFactory, TimeProvider.System, quiet, quiet,
        NullLogger<NotificationService>.Instance), TimeProvider.System, NullLogger<DataExportService>.Instance);
    var start = await exports.StartAsync(userId);
    GC.Collect();
    ProcessStats.ResetPeak();
    var before = ProcessStats.ResidentBytes();

    var run = Stopwatch.StartNew();
    await exports.RunAsync(start.Export.Id);
    run.Stop();
    var export = await exports.GetAsync(userId, start.Export.Id);
    Console.WriteLine($"export {export.Status}: {run.Elapsed.TotalSeconds:0.0} s, ZIP {export.SizeBytes / 1048576.0:N0} MB, {export.FileCount} files");
    Console.WriteLine($"resident set: {before / 1048576.0:N0} MB before, peak {ProcessStats.PeakResidentBytes() / 1048576.0:N0} MB during the export");
    return export.Status == DataExportStatus.Succeeded ? 0 : 1;
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}
