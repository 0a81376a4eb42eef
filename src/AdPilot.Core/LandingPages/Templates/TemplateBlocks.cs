namespace AdPilot.Core.LandingPages.Templates;

/// <summary>Short constructors for the blocks the templates are made of; the ids are stable so anchors (#form) keep working.</summary>
internal static class TemplateBlocks
{
    public const string FormId = "form";

    public static string Language(bool zh) => zh ? "zh-CN" : "en";

    public static PageBlock Hero(string title, string subtitle, string button, string url = "#" + FormId) =>
        new() { Id = "hero", Type = BlockType.Hero, Title = title, Subtitle = subtitle, ButtonLabel = button, ButtonUrl = url };

    public static PageBlock Heading(string id, string title) => new() { Id = id, Type = BlockType.Heading, Title = title, Level = 2 };

    public static PageBlock Text(string id, string html) => new() { Id = id, Type = BlockType.RichText, Html = html };

    public static PageBlock Features(string title, params (string Icon, string Title, string Text)[] items) => new()
    {
        Id = "features", Type = BlockType.FeatureList, Title = title,
        Items = items.Select(i => new FeatureItem { Icon = i.Icon, Title = i.Title, Text = i.Text }).ToList(),
    };

    public static PageBlock Testimonial(string quote, string author, string role) =>
        new() { Id = "testimonial", Type = BlockType.Testimonial, Html = quote, Author = author, AuthorRole = role };

    public static PageBlock Form(string title, string button, string success, params FormField[] fields) => new()
    {
        Id = FormId, Type = BlockType.LeadForm, Title = title, ButtonLabel = button, SuccessMessage = success, Fields = fields,
    };

    public static FormField Field(string name, string label, FormFieldType type, bool required) =>
        new() { Name = name, Label = label, Type = type, Required = required };

    public static PageBlock Button(string id, string label, string url) => new() { Id = id, Type = BlockType.Button, ButtonLabel = label, ButtonUrl = url };

    public static PageBlock Footer(string html) => new() { Id = "footer", Type = BlockType.Footer, Html = html };
}
