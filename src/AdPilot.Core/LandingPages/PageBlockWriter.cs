using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AdPilot.Core.LandingPages;

/// <summary>
/// Writes the blocks of one render. Text goes through <see cref="PageHtml"/>; URLs pass <see cref="PageUrls"/> again
/// (a bad one renders as no link or no image); rich text is sanitised again; ids and field names are re-checked against
/// their patterns and left out when they do not match.
/// </summary>
internal sealed partial class PageBlockWriter(RenderContext context, PageMessages messages)
{
    private readonly StringBuilder _html = new(16_384);
    private bool _firstBlock = true;
    private bool _formIdUsed;

    /// <summary>Origins of the http (not https) images written, for the policy's img-src (an http asset store in development).</summary>
    public HashSet<string> ImageOrigins { get; } = new(StringComparer.Ordinal);

    public string Body(IReadOnlyList<PageBlock> blocks)
    {
        _formIdUsed = blocks.Any(b => b?.Id == "form");
        foreach (var block in blocks.Where(b => b is not null))
        {
            Block(block);
            _firstBlock = false;
        }

        return _html.ToString();
    }

    /// <summary>An image URL usable outside the page (og:image): absolute http(s) only.</summary>
    public string? AbsoluteImage(string? reference) => ImageSource(reference) is { } src && PageUrls.IsHttp(src.Url) ? src.Url : null;

    private void Block(PageBlock block)
    {
        var id = BlockId().IsMatch(block.Id ?? "") ? block.Id : null;
        var align = block.Align == BlockAlign.Left ? "l" : "c";
        var (tag, css) = block.Type switch
        {
            BlockType.Hero => ("header", "hero"),
            BlockType.Footer => ("footer", "b"),
            BlockType.RichText => ("section", "b rt"),
            BlockType.Image => ("section", "b img"),
            BlockType.FeatureList => ("section", "b"),
            BlockType.Testimonial => ("section", "b q"),
            BlockType.Heading => ("section", "b hd"),
            _ => ("section", "b"),
        };
        _html.Append('<').Append(tag);
        if (id is not null)
        {
            _html.Attr("id", id);
        }

        _html.Append(" class=\"").Append(css).Append(' ').Append(align).Append("\"><div class=\"w\">");
        switch (block.Type)
        {
            case BlockType.Hero: Hero(block, id); break;
            case BlockType.Heading: Heading(block); break;
            case BlockType.RichText or BlockType.Footer: _html.Append(PageRichText.Sanitize(block.Html)); break;
            case BlockType.Image: Image(block, id); break;
            case BlockType.Button: Button(block.ButtonLabel, block.ButtonUrl, id); break;
            case BlockType.LeadForm: Form(block, id); break;
            case BlockType.FeatureList: Features(block); break;
            case BlockType.Testimonial: Testimonial(block); break;
            case BlockType.Video: Video(block); break;
        }

        _html.Append("</div></").Append(tag).Append('>');
    }

    /// <summary>The first form gets <c>id="form"</c>, so a button can point at <c>#form</c> (unless a block already has that id).</summary>
    private void Form(PageBlock block, string? id)
    {
        var formId = !_formIdUsed;
        _formIdUsed = true;
        new PageFormWriter(_html, context, messages).Form(block, id, formId);
    }

    private void Hero(PageBlock block, string? id)
    {
        if (ImageSource(block.ImageUrl) is { } background)
        {
            Img(background, "", "bg", "100vw");
        }

        _html.Append("<h1>").Text(block.Title).Append("</h1>");
        if (!string.IsNullOrWhiteSpace(block.Subtitle))
        {
            _html.Append("<p>").Text(block.Subtitle).Append("</p>");
        }

        Button(block.ButtonLabel, block.ButtonUrl, id);
    }

    private void Heading(PageBlock block)
    {
        var tag = block.Level == 3 ? "h3" : "h2";
        _html.Append('<').Append(tag).Append('>').Text(block.Title).Append("</").Append(tag).Append('>');
    }

    private void Image(PageBlock block, string? id)
    {
        if (ImageSource(block.ImageUrl) is not { } source)
        {
            return;
        }

        var link = PageUrls.IsLink(block.ButtonUrl) ? block.ButtonUrl : null;
        if (link is not null)
        {
            Anchor(link, id, "");
        }

        Img(source, block.ImageAlt ?? "", null, "(max-width: 46rem) 100vw, 46rem");
        if (link is not null)
        {
            _html.Append("</a>");
        }
    }

    /// <summary>A CTA: a link with <c>data-cta</c> when the URL passes the allow-list; the label as plain text otherwise.</summary>
    private void Button(string? label, string? url, string? id)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return;
        }

        if (PageUrls.IsLink(url))
        {
            Anchor(url!, id, "btn");
            _html.Text(label).Append("</a>");
        }
        else
        {
            _html.Append("<span class=\"btn\">").Text(label).Append("</span>");
        }
    }

    private void Anchor(string url, string? id, string css)
    {
        _html.Append("<a").Attr("href", url);
        if (css.Length > 0)
        {
            _html.Attr("class", css);
        }

        if (id is not null)
        {
            _html.Attr("data-cta", id);
        }

        if (PageUrls.IsHttp(url))
        {
            _html.Append(" rel=\"noopener\"");
        }

        _html.Append('>');
    }

    private void Features(PageBlock block)
    {
        if (!string.IsNullOrWhiteSpace(block.Title))
        {
            _html.Append("<h2>").Text(block.Title).Append("</h2>");
        }

        _html.Append("<ul class=\"fl\">");
        foreach (var item in (block.Items ?? []).Where(i => i is not null))
        {
            _html.Append("<li>");
            if (!string.IsNullOrWhiteSpace(item.Icon))
            {
                _html.Append("<span class=\"i\" aria-hidden=\"true\">").Text(item.Icon).Append("</span>");
            }

            _html.Append("<strong>").Text(item.Title).Append("</strong>");
            if (!string.IsNullOrWhiteSpace(item.Text))
            {
                _html.Append("<p>").Text(item.Text).Append("</p>");
            }

            _html.Append("</li>");
        }

        _html.Append("</ul>");
    }

    private void Testimonial(PageBlock block)
    {
        _html.Append("<figure><blockquote>").Append(PageRichText.Sanitize(block.Html)).Append("</blockquote>");
        if (string.IsNullOrWhiteSpace(block.Author) && ImageSource(block.ImageUrl) is null)
        {
            _html.Append("</figure>");
            return;
        }

        _html.Append("<figcaption>");
        if (ImageSource(block.ImageUrl) is { } avatar)
        {
            Img(avatar, "", null, "56px");
        }

        _html.Append("<strong>").Text(block.Author).Append("</strong>");
        if (!string.IsNullOrWhiteSpace(block.AuthorRole))
        {
            _html.Append("<span class=\"r\">").Text(block.AuthorRole).Append("</span>");
        }

        _html.Append("</figcaption></figure>");
    }

    private void Video(PageBlock block)
    {
        if (PageUrls.Video(block.VideoUrl) is not { } video)
        {
            return;
        }

        _html.Append("<div class=\"v\"><iframe").Attr("src", video.EmbedUrl).Attr("title", messages.Video)
            .Append(" loading=\"lazy\" allow=\"autoplay; encrypted-media; fullscreen; picture-in-picture\"")
            .Append(" referrerpolicy=\"strict-origin-when-cross-origin\"></iframe></div>");
    }

    private void Img(ImageSrc source, string alt, string? css, string sizes)
    {
        _html.Append("<img").Attr("src", source.Url);
        if (source.SrcSet is not null)
        {
            _html.Attr("srcset", source.SrcSet).Attr("sizes", sizes);
        }

        if (source.Width > 0)
        {
            _html.Attr("width", source.Width.ToString(CultureInfo.InvariantCulture));
        }

        _html.Attr("alt", alt);
        if (css is not null)
        {
            _html.Attr("class", css);
        }

        _html.Append(_firstBlock ? " fetchpriority=\"high\"" : " loading=\"lazy\"").Append(" decoding=\"async\">");
    }

    /// <summary>The URL (and, for an uploaded image, the srcset of its smaller copies) of an image reference; null when it is not allowed.</summary>
    private ImageSrc? ImageSource(string? reference)
    {
        if (PageImages.Parse(reference) is { } asset)
        {
            var url = Safe(context.AssetUrl(asset.File));
            if (url is null)
            {
                return null;
            }

            var copies = PageImages.Widths.Where(w => w < asset.Width).Select(w => (Url: Safe(context.AssetUrl(PageImages.Copy(asset.File, w))), Width: w))
                .Where(c => c.Url is not null).Select(c => $"{c.Url} {c.Width}w").ToList();
            var srcset = copies.Count > 0 && asset.Width > 0 ? string.Join(", ", copies.Append($"{url} {asset.Width}w")) : null;
            return new ImageSrc(url, srcset, asset.Width);
        }

        return PageUrls.IsHttp(reference) ? new ImageSrc(Safe(reference)!, null, 0) : null;
    }

    /// <summary>A URL the page may load: a same-origin path or http(s); http origins are remembered for the policy.</summary>
    private string? Safe(string? url)
    {
        if (url is { Length: > 1 } && url[0] == '/' && url[1] != '/' && url[1] != '\\' && !url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '<' or '>'))
        {
            return url;
        }

        if (!PageUrls.IsHttp(url))
        {
            return null;
        }

        if (url!.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && PagePolicy.OriginOf(url) is { } origin)
        {
            ImageOrigins.Add(origin);
        }

        return url;
    }

    private sealed record ImageSrc(string Url, string? SrcSet, int Width);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$", RegexOptions.CultureInvariant, 50)]
    private static partial Regex BlockId();
}
