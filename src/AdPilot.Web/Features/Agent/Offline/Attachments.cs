using System.Text.RegularExpressions;

namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>
/// What a message is about besides its words: the images and links the user attached (<see cref="AgentContext.Attachments"/>,
/// structured, so the note for other models is cut off first) and the http(s) URLs typed in the text, which are blanked
/// out before the words are parsed (a path like <c>/pause-sale-2026-11-01</c> is not a request).
/// </summary>
internal static partial class Attachments
{
    public static (string Text, IReadOnlyList<long> Images, IReadOnlyList<string> Links) Read(string message, AgentContext context)
    {
        var text = AgentAttachments.WithoutNote(message);
        var typed = UrlPattern().Matches(text).Select(m => (m.Index, Url: m.Value.TrimEnd('.', ',', ';', ':', '!', '?', '\'', '"'))).ToList();
        foreach (var (index, url) in typed)
        {
            text = string.Concat(text.AsSpan(0, index), new string(' ', url.Length), text.AsSpan(index + url.Length));
        }

        var images = context.Attachments.Where(a => a.Kind == "image" && a.CreativeId is not null).Select(a => a.CreativeId!.Value).Distinct().ToList();
        var links = context.Attachments.Where(a => a.Kind == "link" && a.Url is not null).Select(a => a.Url!)
            .Concat(typed.Select(t => t.Url)).Distinct(StringComparer.Ordinal).Take(AgentLimits.MaxAttachments).ToList();
        return (text, images, links);
    }

    /// <summary>An http(s) URL up to a space, a quote, an angle bracket or Chinese punctuation.</summary>
    [GeneratedRegex(@"https?://[^\s<>""'，。；！？、）》」』]+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();
}
