using MimeKit;

namespace AdPilot.Core.Email;

internal static class MimeMessages
{
    public static MimeMessage Build(EmailOptions options, EmailMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(options.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        if (message.Language is { } language)
        {
            mime.Headers.Add(HeaderId.ContentLanguage, language);
        }

        var body = new BodyBuilder { HtmlBody = message.Html, TextBody = message.Text };
        foreach (var image in message.Inline ?? [])
        {
            var part = body.LinkedResources.Add(image.ContentId, image.Content, ContentType.Parse(image.MediaType));
            part.ContentId = image.ContentId;
        }

        mime.Body = body.ToMessageBody();
        return mime;
    }
}
