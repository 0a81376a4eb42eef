using System.ComponentModel.DataAnnotations;

namespace AdPilot.Core.Email;

/// <summary>
/// Where e-mail goes: with no SMTP host, to <c>.eml</c> files in <see cref="Folder"/> (the embedded default);
/// with <c>Email:Smtp:Host</c> set, to that SMTP server through MailKit.
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    [Required, StringLength(320)]
    public string From { get; set; } = "AdPilot <no-reply@adpilot.local>";

    /// <summary>Absolute base of the links in e-mails (the app's public URL).</summary>
    [Required, Url]
    public string LinkBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>The mail folder; relative paths are under the data directory. Set by the host.</summary>
    public string Folder { get; set; } = "mail";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Attempts per delivery run before the run gives up (the job retries the run later).</summary>
    [Range(1, 10)]
    public int Attempts { get; set; } = 3;

    /// <summary>First pause between attempts; doubles each time.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>Auto (STARTTLS when offered), StartTls, SslOnConnect or None.</summary>
    public string Security { get; set; } = "Auto";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
