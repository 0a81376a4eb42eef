namespace AdPilot.Core.Users;

public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>E-mail addresses that get the admin role when they sign in.</summary>
    public List<string> Emails { get; set; } = [];

    public bool IsAdmin(string email) => Emails.Any(e => string.Equals(e.Trim(), email, StringComparison.OrdinalIgnoreCase));
}
