using System.ComponentModel.DataAnnotations;

namespace AdPilot.Core.Data;

public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (embedded default, a file under the data directory) or <c>MySql</c> (MySQL 8 / MariaDB 10.11+).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>From <c>ConnectionStrings:AdPilot</c>. Empty with Sqlite means <c>{DataDirectory}/adpilot.db</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The MySQL server version Pomelo generates SQL for, e.g. <c>10.11.0-mariadb</c> or <c>8.0.36-mysql</c>.</summary>
    public string ServerVersion { get; set; } = "10.11.0-mariadb";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == DatabaseProvider.MySql && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "Database:Provider is MySql but ConnectionStrings:AdPilot is empty; set it, or use Sqlite.",
                [nameof(ConnectionString)]);
        }
    }
}

public enum DatabaseProvider
{
    Sqlite,
    MySql,
}
