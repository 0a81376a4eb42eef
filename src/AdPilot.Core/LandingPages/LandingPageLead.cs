using AdPilot.Core.Common;

namespace AdPilot.Core.LandingPages;

/// <summary>What a visitor sent through a page's lead form. Belongs to the page's owner.</summary>
public sealed class LandingPageLead : IOwned
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public long LandingPageId { get; set; }

    /// <summary>The form's fields as a JSON object of name → value (only the fields the form declares, bounded).</summary>
    public string FieldsJson { get; set; } = "{}";

    /// <summary>The e-mail field's value when the form has one, for listing and search.</summary>
    public string? Email { get; set; }

    public DateTime CreatedAt { get; set; }
}
