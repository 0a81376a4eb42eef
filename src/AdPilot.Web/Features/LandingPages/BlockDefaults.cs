using System.Security.Cryptography;
using AdPilot.Core.LandingPages;

namespace AdPilot.Web.Features.LandingPages;

/// <summary>What a block added from the editor's menu starts with: enough to show what it is and edit from there.</summary>
public static class BlockDefaults
{
    /// <summary>A fresh block id: "b" and 10 random hex digits (the beacon reports clicks with it).</summary>
    public static string NewId() => "b" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));

    public static PageBlock For(BlockType type) => Content(type) with { Id = NewId(), Type = type };

    private static PageBlock Content(BlockType type) => type switch
    {
        BlockType.Hero => new() { Title = "Your headline", Subtitle = "One sentence on why it matters.", ButtonLabel = "Get started", ButtonUrl = "#form" },
        BlockType.Heading => new() { Title = "Section heading", Level = 2 },
        BlockType.RichText => new() { Html = "<p>Write something here.</p>", Align = BlockAlign.Left },
        BlockType.Image => new() { ImageAlt = "" },
        BlockType.Button => new() { ButtonLabel = "Learn more", ButtonUrl = "#form" },
        BlockType.LeadForm => new()
        {
            Title = "Get in touch", ButtonLabel = "Send", SuccessMessage = "Thanks! We will be in touch.",
            Fields = [new FormField { Name = "name", Label = "Name", Required = true }, new FormField { Name = "email", Label = "E-mail", Type = FormFieldType.Email, Required = true }],
        },
        BlockType.FeatureList => new()
        {
            Title = "Why choose us",
            Items = [new FeatureItem { Icon = "✓", Title = "Fast", Text = "Up and running in minutes." }, new FeatureItem { Icon = "✓", Title = "Simple", Text = "No training needed." }],
        },
        BlockType.Testimonial => new() { Html = "<p>It changed how we work.</p>", Author = "A happy customer" },
        BlockType.Video => new() { VideoUrl = "" },
        BlockType.Footer => new() { Html = "<p>© Your company</p>" },
        _ => new PageBlock(),
    };
}
