namespace AdPilot.Core.Credits;

/// <summary>
/// One immutable version of the credit configuration. An admin change writes a new version; transactions record
/// the version they were charged under.
/// </summary>
public sealed class CreditConfig
{
    public int Version { get; set; }

    /// <summary>The settings (signup gift, rates, packages, thresholds) as JSON.</summary>
    public string SettingsJson { get; set; } = "{}";

    public long? CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>One field changed by an admin between two config versions.</summary>
public sealed class CreditConfigChange
{
    public long Id { get; set; }
    public int Version { get; set; }
    public long? AdminUserId { get; set; }
    public string AdminEmail { get; set; } = "";
    public string Field { get; set; } = "";
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public DateTime ChangedAt { get; set; }
}
