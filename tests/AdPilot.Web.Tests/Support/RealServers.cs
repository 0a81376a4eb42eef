using MySqlConnector;

namespace AdPilot.Web.Tests.Support;

/// <summary>The MariaDB and Redis servers that ./test.sh starts on loopback.</summary>
public static class RealServers
{
    public static string? MySql => Environment.GetEnvironmentVariable("ADPILOT_TEST_MYSQL") is { Length: > 0 } v ? v : null;

    public static string? Redis => Environment.GetEnvironmentVariable("ADPILOT_TEST_REDIS") is { Length: > 0 } v ? v : null;

    public static async Task DropDatabaseAsync(string name)
    {
        await using var connection = new MySqlConnection(MySql);
        await connection.OpenAsync();
        await using var command = new MySqlCommand($"DROP DATABASE IF EXISTS `{name}`", connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// A test that needs the real servers of ./test.sh. Outside that script it is reported as skipped with the reason;
/// CI always runs it because .ci/run calls ./test.sh.
/// </summary>
public sealed class RealServersFactAttribute : FactAttribute
{
    public RealServersFactAttribute()
    {
        if (RealServers.MySql is null || RealServers.Redis is null)
        {
            Skip = "Needs ADPILOT_TEST_MYSQL and ADPILOT_TEST_REDIS: run ./test.sh.";
        }
    }
}
