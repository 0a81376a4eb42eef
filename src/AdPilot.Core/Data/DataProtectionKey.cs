namespace AdPilot.Core.Data;

/// <summary>
/// One key of the host's Data Protection key ring, as the XML element the framework writes (encrypted by the host
/// when a certificate is configured). Kept in the database so the ring survives a Redis flush and is shared by nodes.
/// </summary>
public sealed class DataProtectionKey
{
    public long Id { get; set; }
    public string FriendlyName { get; set; } = "";
    public string Xml { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
