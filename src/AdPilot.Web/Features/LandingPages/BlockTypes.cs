using System.Text.RegularExpressions;
using AdPilot.Core.LandingPages;
using MudBlazor;

namespace AdPilot.Web.Features.LandingPages;

/// <summary>How the editor shows a block in its list: an icon per type and a one-line summary of its content.</summary>
public static partial class BlockTypes
{
    public static readonly IReadOnlyList<BlockType> All = Enum.GetValues<BlockType>();

    public static string Icon(BlockType type) => type switch
    {
        BlockType.Hero => Icons.Material.Filled.Campaign,
        BlockType.Heading => Icons.Material.Filled.Title,
        BlockType.RichText => Icons.Material.Filled.Notes,
        BlockType.Image => Icons.Material.Filled.Image,
        BlockType.Button => Icons.Material.Filled.SmartButton,
        BlockType.LeadForm => Icons.Material.Filled.ContactMail,
        BlockType.FeatureList => Icons.Material.Filled.Checklist,
        BlockType.Testimonial => Icons.Material.Filled.FormatQuote,
        BlockType.Video => Icons.Material.Filled.OndemandVideo,
        _ => Icons.Material.Filled.HorizontalRule,
    };

    /// <summary>The block's first words (HTML tags removed), at most 60 characters.</summary>
    public static string Summary(PageBlock block)
    {
        var text = block.Title ?? block.ButtonLabel ?? block.ImageAlt ?? block.VideoUrl ?? (block.Html is { } html ? Tags().Replace(Breaks().Replace(html, " "), "") : null) ?? "";
        text = System.Net.WebUtility.HtmlDecode(Spaces().Replace(text, " ").Trim());
        return text.Length > 60 ? text[..57] + "…" : text;
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    /// <summary>Tags that separate words (paragraphs, line breaks, list items); inline ones (strong, a) do not.</summary>
    [GeneratedRegex("</?(p|br|li|div|ul|ol)\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Breaks();

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();
}
