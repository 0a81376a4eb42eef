using Microsoft.Extensions.Options;

namespace AdPilot.Core.Email;

/// <summary>The embedded default: every message becomes an <c>.eml</c> file in the mail folder (any mail client opens it).</summary>
public sealed class MailFolderEmailSender(IOptions<EmailOptions> options, TimeProvider clock) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var folder = options.Value.Folder;
        Directory.CreateDirectory(folder);
        var mime = MimeMessages.Build(options.Value, message);
        mime.Date = clock.GetUtcNow();
        var name = $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml";
        var temp = Path.Combine(folder, name + ".tmp");
        await mime.WriteToAsync(temp, ct);
        File.Move(temp, Path.Combine(folder, name));
    }
}
