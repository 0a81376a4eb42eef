using System.Diagnostics;
using System.Globalization;
using MySqlConnector;

namespace AdPilot.Bench.Credits;

/// <summary>
/// Global server counters (statements, row-lock waits, deadlocks) and CPU of both processes, sampled around a case so
/// a figure can be explained: statements per deduction, time spent waiting for the balance row, who used the cores.
/// The server's CPU is read from /proc when the script passes its PID in <c>ADPILOT_BENCH_SERVER_PID</c>.
/// </summary>
internal sealed record ServerStats(IReadOnlyDictionary<string, long> Status, TimeSpan ClientCpu, TimeSpan? ServerCpu, TimeSpan? MachineBusy)
{
    private static readonly string[] Names =
    [
        "Questions", "Com_select", "Com_update", "Com_insert", "Com_begin", "Com_commit", "Com_rollback",
        "Innodb_row_lock_waits", "Innodb_row_lock_time", "Innodb_deadlocks", "Connections",
    ];

    public static async Task<ServerStats> SampleAsync(string server)
    {
        var status = new Dictionary<string, long>();
        await using (var connection = new MySqlConnection(server))
        {
            await connection.OpenAsync();
            var list = string.Join(",", Names.Select(n => $"'{n}'"));
            await using var command = new MySqlCommand($"SHOW GLOBAL STATUS WHERE Variable_name IN ({list})", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                status[reader.GetString(0)] = long.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
            }
        }

        using var self = Process.GetCurrentProcess();
        return new ServerStats(status, self.TotalProcessorTime, ServerCpuTime(), MachineBusyTime());
    }

    public static string Describe(ServerStats before, ServerStats after, long deductions, TimeSpan elapsed)
    {
        long Delta(string name) => after.Status.GetValueOrDefault(name) - before.Status.GetValueOrDefault(name);
        double Per(string name) => deductions == 0 ? double.NaN : (double)Delta(name) / deductions;
        var waits = Delta("Innodb_row_lock_waits");
        var waitMs = Delta("Innodb_row_lock_time");
        var cores = Environment.ProcessorCount;
        string Cpu(TimeSpan? b, TimeSpan? a) => b is { } x && a is { } y ? $"{(y - x).TotalSeconds / elapsed.TotalSeconds / cores * 100:0}%" : "n/a";
        return string.Create(CultureInfo.InvariantCulture,
            $"""
              server statements per deduction: {Per("Questions"):0.0} (select {Per("Com_select"):0.0}, update {Per("Com_update"):0.0}, insert {Per("Com_insert"):0.0}, begin {Per("Com_begin"):0.0}, commit {Per("Com_commit"):0.0}, rollback {Per("Com_rollback"):0.00})
              row lock waits: {waits} ({(deductions == 0 ? 0 : 100.0 * waits / deductions):0.0}% of deductions), avg wait {(waits == 0 ? 0 : (double)waitMs / waits):0.0} ms, deadlocks: {Delta("Innodb_deadlocks")}, new connections: {Delta("Connections")}
              CPU of {cores} cores: bench {Cpu(before.ClientCpu, after.ClientCpu)}, server {Cpu(before.ServerCpu, after.ServerCpu)}, whole machine {Cpu(before.MachineBusy, after.MachineBusy)} (the rest is other processes)
            """);
    }

    /// <summary>Busy time of all cores from /proc/stat (everything but idle and iowait), to see whether other processes shared the machine.</summary>
    private static TimeSpan? MachineBusyTime()
    {
        try
        {
            var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
                .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            return TimeSpan.FromSeconds((cpu.Sum() - cpu[3] - cpu[4]) / 100.0);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static TimeSpan? ServerCpuTime()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("ADPILOT_BENCH_SERVER_PID"), CultureInfo.InvariantCulture, out var pid))
        {
            return null;
        }

        try
        {
            // /proc/<pid>/stat: utime and stime are fields 14 and 15, in clock ticks (USER_HZ, 100 on Linux).
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
