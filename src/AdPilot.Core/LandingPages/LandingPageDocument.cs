using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdPilot.Core.LandingPages;

/// <summary>
/// What the editor edits and the renderer renders: ordered typed blocks, a theme and SEO fields. One flat
/// <see cref="PageBlock"/> record serves every block type (each type uses the fields it needs, the rest stay null), so the
/// API, MCP tools, editor and validator share one shape. Everything here is user input: the renderer escapes or
/// sanitises every field (docs/decisions/031).
/// </summary>
public sealed record LandingPageDocument
{
    public const int MaxBlocks = 40;

    /// <summary>The page's language: <c>en</c> or <c>zh-CN</c> (the HTML <c>lang</c>, the form's messages).</summary>
    [Required(ErrorMessage = "language is required.")]
    [RegularExpression("^(en|zh-CN)$", ErrorMessage = "language must be en or zh-CN.")]
    public string Language { get; init; } = "en";

    [Required(ErrorMessage = "blocks is required.")]
    [MaxLength(MaxBlocks, ErrorMessage = "A page has at most 40 blocks.")]
    public IReadOnlyList<PageBlock> Blocks { get; init; } = [];

    [Required(ErrorMessage = "theme is required.")]
    public PageTheme Theme { get; init; } = new();

    [Required(ErrorMessage = "seo is required.")]
    public PageSeo Seo { get; init; } = new();

    /// <summary>How the document is kept in <see cref="LandingPage.ContentJson"/> and versions: camelCase, enums as snake_case strings.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static LandingPageDocument Parse(string? json) =>
        string.IsNullOrWhiteSpace(json) || json == "{}" ? new LandingPageDocument() : JsonSerializer.Deserialize<LandingPageDocument>(json, Json) ?? new LandingPageDocument();

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

public enum BlockType
{
    Hero,
    Heading,
    RichText,
    Image,
    Button,
    LeadForm,
    FeatureList,
    Testimonial,
    Video,
    Footer,
}

public enum BlockAlign
{
    Center,
    Left,
}

/// <summary>
/// One block. Fields by type: hero (title, subtitle, imageUrl as background, buttonLabel/buttonUrl), heading (title,
/// level 2–3), rich_text (html), image (imageUrl, imageAlt, buttonUrl as an optional link), button (buttonLabel,
/// buttonUrl), lead_form (title, fields, buttonLabel, successMessage), feature_list (title, items), testimonial (html as
/// the quote, author, authorRole, imageUrl as avatar), video (videoUrl: YouTube or Vimeo), footer (html).
/// </summary>
public sealed record PageBlock
{
    /// <summary>Stable id the editor keeps across edits (drag, undo) and the beacon reports CTA clicks with.</summary>
    [Required(ErrorMessage = "id is required.")]
    [RegularExpression("^[A-Za-z0-9_-]{1,40}$", ErrorMessage = "id is 1 to 40 letters, digits, - or _.")]
    public string Id { get; init; } = "";

    public BlockType Type { get; init; }

    public BlockAlign Align { get; init; } = BlockAlign.Center;

    [StringLength(300, ErrorMessage = "title is at most 300 characters.")]
    public string? Title { get; init; }

    [StringLength(600, ErrorMessage = "subtitle is at most 600 characters.")]
    public string? Subtitle { get; init; }

    /// <summary>Rich text: a small HTML subset (p, br, strong/b, em/i, u, a href, span style="color", ul/ol/li); anything else is removed on save.</summary>
    [StringLength(20_000, ErrorMessage = "html is at most 20,000 characters.")]
    public string? Html { get; init; }

    /// <summary>Heading level, 2 or 3 (the hero holds the page's one h1).</summary>
    [Range(2, 3, ErrorMessage = "level is 2 or 3.")]
    public int? Level { get; init; }

    [StringLength(2048, ErrorMessage = "imageUrl is at most 2,048 characters.")]
    public string? ImageUrl { get; init; }

    [StringLength(300, ErrorMessage = "imageAlt is at most 300 characters.")]
    public string? ImageAlt { get; init; }

    [StringLength(80, ErrorMessage = "buttonLabel is at most 80 characters.")]
    public string? ButtonLabel { get; init; }

    /// <summary>http(s), mailto:, tel: or an in-page anchor (<c>#form</c>); anything else is refused.</summary>
    [StringLength(2048, ErrorMessage = "buttonUrl is at most 2,048 characters.")]
    public string? ButtonUrl { get; init; }

    [StringLength(2048, ErrorMessage = "videoUrl is at most 2,048 characters.")]
    public string? VideoUrl { get; init; }

    [StringLength(120, ErrorMessage = "author is at most 120 characters.")]
    public string? Author { get; init; }

    [StringLength(120, ErrorMessage = "authorRole is at most 120 characters.")]
    public string? AuthorRole { get; init; }

    [MaxLength(12, ErrorMessage = "A feature list has at most 12 items.")]
    public IReadOnlyList<FeatureItem>? Items { get; init; }

    [MaxLength(8, ErrorMessage = "A form has at most 8 fields.")]
    public IReadOnlyList<FormField>? Fields { get; init; }

    [StringLength(300, ErrorMessage = "successMessage is at most 300 characters.")]
    public string? SuccessMessage { get; init; }
}

public sealed record FeatureItem
{
    /// <summary>One emoji or short symbol shown beside the item; optional.</summary>
    [StringLength(8, ErrorMessage = "icon is at most 8 characters.")]
    public string? Icon { get; init; }

    [Required(ErrorMessage = "title is required.")]
    [StringLength(120, ErrorMessage = "title is at most 120 characters.")]
    public string Title { get; init; } = "";

    [StringLength(400, ErrorMessage = "text is at most 400 characters.")]
    public string? Text { get; init; }
}

public enum FormFieldType
{
    Text,
    Email,
    Phone,
    TextArea,
}

public sealed record FormField
{
    /// <summary>The key the value is stored under: lower-case letters, digits and _; unique within the form.</summary>
    [Required(ErrorMessage = "name is required.")]
    [RegularExpression("^[a-z][a-z0-9_]{0,39}$", ErrorMessage = "name is 1 to 40 lower-case letters, digits or _, starting with a letter.")]
    public string Name { get; init; } = "";

    [Required(ErrorMessage = "label is required.")]
    [StringLength(80, ErrorMessage = "label is at most 80 characters.")]
    public string Label { get; init; } = "";

    public FormFieldType Type { get; init; } = FormFieldType.Text;

    public bool Required { get; init; }
}

public enum PageFont
{
    /// <summary>The visitor's system sans-serif: no font download.</summary>
    System,
    Serif,
    Rounded,
    Mono,
}

public enum ButtonStyle
{
    Rounded,
    Square,
    Pill,
}

public sealed record PageTheme
{
    [Required(ErrorMessage = "primaryColor is required.")]
    [RegularExpression("^#[0-9A-Fa-f]{6}$", ErrorMessage = "primaryColor is a colour like #1E88E5.")]
    public string PrimaryColor { get; init; } = "#1E88E5";

    [Required(ErrorMessage = "backgroundColor is required.")]
    [RegularExpression("^#[0-9A-Fa-f]{6}$", ErrorMessage = "backgroundColor is a colour like #FFFFFF.")]
    public string BackgroundColor { get; init; } = "#FFFFFF";

    [Required(ErrorMessage = "textColor is required.")]
    [RegularExpression("^#[0-9A-Fa-f]{6}$", ErrorMessage = "textColor is a colour like #1F2937.")]
    public string TextColor { get; init; } = "#1F2937";

    public PageFont Font { get; init; } = PageFont.System;

    public ButtonStyle ButtonStyle { get; init; } = ButtonStyle.Rounded;
}

public sealed record PageSeo
{
    [StringLength(70, ErrorMessage = "Title is at most 70 characters.")]
    public string? Title { get; init; }

    [StringLength(160, ErrorMessage = "Description is at most 160 characters.")]
    public string? Description { get; init; }

    /// <summary>The image shown when the page is shared (og:image): an absolute http(s) URL.</summary>
    [StringLength(2048, ErrorMessage = "socialImageUrl is at most 2,048 characters.")]
    public string? SocialImageUrl { get; init; }
}
