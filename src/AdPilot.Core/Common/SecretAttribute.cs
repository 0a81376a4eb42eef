namespace AdPilot.Core.Common;

/// <summary>
/// Marks an entity property that holds a secret (a token's ciphertext or hash, a webhook signing secret, a Slack
/// webhook URL). The data export leaves it out and no log line, response or model may carry it.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class SecretAttribute : Attribute;
