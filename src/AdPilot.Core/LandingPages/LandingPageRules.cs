using AdPilot.Core.Common;

namespace AdPilot.Core.LandingPages;

/// <summary>
/// The rules of a document that attributes cannot express, checked on create and update with the field's path
/// (<c>document.blocks[2].buttonUrl</c>): URL allow-lists, images of this page, YouTube/Vimeo videos, unique block ids and
/// form field names, one lead form per page. Also what is normalised on save: rich text sanitised, video URLs made canonical.
/// </summary>
internal static class LandingPageRules
{
    /// <summary>The <c>asset:</c> files a document refers to (images and the social image).</summary>
    public static IReadOnlyList<string> AssetFiles(LandingPageDocument document) =>
        document.Blocks.Select(b => b.ImageUrl).Append(document.Seo.SocialImageUrl)
            .Select(PageImages.Parse).Where(a => a is not null).Select(a => a!.Value.File).Distinct().ToList();

    /// <summary>The document to store; throws <see cref="ValidationFailedException"/> naming every field at fault.</summary>
    /// <param name="images">The files this page has in storage (an <c>asset:</c> reference to any other is refused).</param>
    public static LandingPageDocument Normalise(LandingPageDocument document, IReadOnlySet<string> images)
    {
        RequestValidator.Validate(document, "document");
        var errors = new Dictionary<string, string[]>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var forms = 0;
        var blocks = new List<PageBlock>(document.Blocks.Count);
        for (var i = 0; i < document.Blocks.Count; i++)
        {
            var block = document.Blocks[i];
            var path = $"document.blocks[{i}]";
            if (!ids.Add(block.Id))
            {
                errors[$"{path}.id"] = ["id is used by another block of this page."];
            }

            if (block.Type == BlockType.LeadForm && ++forms > 1)
            {
                errors[$"{path}.type"] = ["A page has at most one lead form."];
            }

            if (!string.IsNullOrEmpty(block.ButtonUrl) && !PageUrls.IsLink(block.ButtonUrl))
            {
                errors[$"{path}.buttonUrl"] = ["buttonUrl must be an http(s) URL, mailto:, tel: or an in-page #anchor."];
            }

            CheckImage(block.ImageUrl, $"{path}.imageUrl", images, errors);
            var video = string.IsNullOrEmpty(block.VideoUrl) ? null : PageUrls.Video(block.VideoUrl);
            if (!string.IsNullOrEmpty(block.VideoUrl) && video is null)
            {
                errors[$"{path}.videoUrl"] = ["videoUrl must be a YouTube or Vimeo video URL."];
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            for (var j = 0; j < (block.Fields?.Count ?? 0); j++)
            {
                if (!names.Add(block.Fields![j].Name))
                {
                    errors[$"{path}.fields[{j}].name"] = ["name is used by another field of this form."];
                }
            }

            blocks.Add(block with
            {
                Html = block.Html is null ? null : PageRichText.Sanitize(block.Html),
                VideoUrl = video?.WatchUrl ?? block.VideoUrl,
            });
        }

        CheckImage(document.Seo.SocialImageUrl, "document.seo.socialImageUrl", images, errors);
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        return document with { Blocks = blocks };
    }

    /// <summary>What publishing needs beyond a valid draft: something to show, and forms with a field to send.</summary>
    public static void CheckPublishable(LandingPageDocument document)
    {
        if (document.Blocks.Count == 0)
        {
            throw ValidationFailedException.For("document.blocks", "Add at least one block before publishing.");
        }

        var form = document.Blocks.Select((b, i) => (b, i)).FirstOrDefault(x => x.b.Type == BlockType.LeadForm && (x.b.Fields?.Count ?? 0) == 0);
        if (form.b is not null)
        {
            throw ValidationFailedException.For($"document.blocks[{form.i}].fields", "A lead form needs at least one field before publishing.");
        }
    }

    private static void CheckImage(string? url, string field, IReadOnlySet<string> images, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(url) || PageUrls.IsHttp(url))
        {
            return;
        }

        if (PageImages.Parse(url) is not { } asset)
        {
            errors[field] = [$"{field[(field.LastIndexOf('.') + 1)..]} must be an http(s) URL or an image uploaded to this page."];
        }
        else if (!images.Contains(asset.File))
        {
            errors[field] = ["This image was not uploaded to this page; upload it again."];
        }
    }
}
