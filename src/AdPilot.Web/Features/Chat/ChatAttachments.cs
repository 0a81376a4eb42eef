using AdPilot.Core.Common;
using AdPilot.Core.Creatives;
using AdPilot.Web.Features.Agent;

namespace AdPilot.Web.Features.Chat;

/// <summary>
/// What the user is attaching to the message being typed: images (each uploaded to storage as a creative, with its
/// progress) and links found in the text (each a chip the user can remove). Sent as <see cref="AgentAttachment"/>s.
/// </summary>
public sealed class ChatAttachments(CreativeService creatives)
{
    private readonly List<ImageUpload> _images = [];
    private readonly List<string> _links = [];
    private readonly HashSet<string> _removedLinks = new(StringComparer.Ordinal);

    public IReadOnlyList<ImageUpload> Images => _images;
    public IReadOnlyList<string> Links => _links;
    public bool Uploading => _images.Any(i => i.State is ImageUploadState.Uploading or ImageUploadState.Checking);
    public bool Full => _images.Count(i => i.State != ImageUploadState.Failed) + _links.Count >= AgentLimits.MaxAttachments;

    /// <summary>The browser asks for a presigned upload of an image; a refused file shows its reason on its chip.</summary>
    public UploadTicket? Begin(long userId, string id, string fileName, string contentType, long size)
    {
        var full = Full;
        var image = new ImageUpload(id, fileName);
        _images.Add(image);
        if (full || !contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
        {
            image.Fail(null);
            return null;
        }

        try
        {
            var ticket = creatives.CreateUploadUrl(userId, new UploadUrlRequest { ContentType = contentType, Size = size });
            image.Key = ticket.UploadKey;
            return ticket;
        }
        catch (ValidationFailedException ex)
        {
            image.Fail(string.Join(" ", ex.Errors.SelectMany(e => e.Value)));
            return null;
        }
    }

    public bool Progress(string id, int percent)
    {
        if (Find(id) is not { } image)
        {
            return false;
        }

        image.Percent = percent;
        return true;
    }

    /// <summary>The bytes are in storage: the server checks them and makes the image a creative the agent can read.</summary>
    public async Task UploadedAsync(long userId, string id)
    {
        if (Find(id) is not { Key: { } key } image)
        {
            return;
        }

        image.State = ImageUploadState.Checking;
        image.Percent = 100;
        try
        {
            var creative = await creatives.CompleteUploadAsync(userId, new CompleteUploadRequest { UploadKey = key, Name = Path.GetFileNameWithoutExtension(image.FileName) });
            image.CreativeId = creative.Id;
            image.ThumbnailUrl = creative.ThumbnailUrl;
            image.State = ImageUploadState.Done;
        }
        catch (DomainException ex)
        {
            image.Fail(ex is ValidationFailedException v ? string.Join(" ", v.Errors.SelectMany(e => e.Value)) : ex.Message);
        }
    }

    public void Failed(string id, string reason) => Find(id)?.Fail(reason);

    public void RemoveImage(string id) => _images.RemoveAll(i => i.Id == id);

    /// <summary>The links now in the text, minus those the user removed; at most what a message may carry.</summary>
    public void SetLinks(IEnumerable<string> urls)
    {
        _links.Clear();
        var room = AgentLimits.MaxAttachments - _images.Count(i => i.State != ImageUploadState.Failed);
        _links.AddRange(urls.Where(IsLink).Where(u => !_removedLinks.Contains(u)).Distinct(StringComparer.Ordinal).Take(Math.Max(0, room)));
    }

    public void RemoveLink(string url)
    {
        _removedLinks.Add(url);
        _links.Remove(url);
    }

    /// <summary>The attachments to send, and the chips cleared for the next message.</summary>
    public IReadOnlyList<AgentAttachment> Take()
    {
        var list = _images.Where(i => i is { State: ImageUploadState.Done, CreativeId: not null })
            .Select(i => new AgentAttachment { Kind = "image", CreativeId = i.CreativeId })
            .Concat(_links.Select(u => new AgentAttachment { Kind = "link", Url = u }))
            .ToList();
        _images.Clear();
        _links.Clear();
        _removedLinks.Clear();
        return list;
    }

    private ImageUpload? Find(string id) => _images.Find(i => i.Id == id);

    private static bool IsLink(string url) =>
        url.Length <= 2_048 && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}

public enum ImageUploadState
{
    Uploading,
    Checking,
    Done,
    Failed,
}

/// <summary>One image being attached: its upload's progress, then the creative it became.</summary>
public sealed class ImageUpload(string id, string fileName)
{
    public string Id { get; } = id;
    public string FileName { get; } = fileName;
    public string? Key { get; set; }
    public int Percent { get; set; }
    public ImageUploadState State { get; set; } = ImageUploadState.Uploading;
    public long? CreativeId { get; set; }
    public string? ThumbnailUrl { get; set; }

    /// <summary>Why it failed; null when the file is not an image or one too many.</summary>
    public string? Error { get; private set; }

    public void Fail(string? reason)
    {
        State = ImageUploadState.Failed;
        Error = reason;
    }
}
