using MySqlConnector;

namespace AdPilot.Web.Tests.Support;

/// <summary>The MariaDB and Redis servers that ./test.sh starts on loopback.</summary>
public static class RealServers
{
    public static string? MySql => Environment.GetEnvironmentVariable("ADPILOT_TEST_MYSQL") is { Length: > 0 } v ? v : null;

    public static string? Redis => Environment.GetEnvironmentVariable("ADPILOT_TEST_REDIS") is { Length: > 0 } v ? v : null;

    /// <summary>Endpoint of the S3-compatible server (s3rver) and its bucket; keys are s3rver's fixed S3RVER/S3RVER.</summary>
    public static string? S3 => Environment.GetEnvironmentVariable("ADPILOT_TEST_S3") is { Length: > 0 } v ? v : null;

    public static string S3Bucket => Environment.GetEnvironmentVariable("ADPILOT_TEST_S3_BUCKET") is { Length: > 0 } v ? v : "adpilot-test";

    /// <summary>Configuration that points the app's storage at the test S3 server.</summary>
    public static Dictionary<string, string?> S3Settings() => new()
    {
        ["Storage:Provider"] = "S3",
        ["Storage:S3:ServiceUrl"] = S3,
        ["Storage:S3:Bucket"] = S3Bucket,
        ["Storage:S3:AccessKey"] = "S3RVER",
        ["Storage:S3:SecretKey"] = "S3RVER",
        ["Storage:S3:ForcePathStyle"] = "true",
    };

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

/// <summary>A test that needs the S3-compatible server of ./test.sh; skipped with the reason elsewhere.</summary>
public sealed class S3FactAttribute : FactAttribute
{
    public S3FactAttribute()
    {
        if (RealServers.S3 is null)
        {
            Skip = "Needs ADPILOT_TEST_S3 (s3rver): run ./test.sh.";
        }
    }
}
