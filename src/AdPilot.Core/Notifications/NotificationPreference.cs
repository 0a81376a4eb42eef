using AdPilot.Core.Common;

namespace AdPilot.Core.Notifications;

/// <summary>Where one category of a user's notifications goes. Urgent notifications ignore it and go everywhere.</summary>
public sealed class NotificationPreference : IOwned
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public string Category { get; set; } = "";
    public NotificationChannels Channels { get; set; } = NotificationChannels.Both;
}

[Flags]
public enum NotificationChannels
{
    None = 0,
    InApp = 1,
    Email = 2,
    Both = InApp | Email,
}
