using System.Text;
using System.Text.RegularExpressions;

namespace AdPilot.Core.LandingPages;

/// <summary>
/// A lead form that works without JavaScript: a plain POST to <see cref="LandingPageRoutes.Leads"/> with labelled inputs
/// and the honeypot field hidden from people. The script (when present) submits it with fetch and shows the answer in
/// place. In a preview the form has no action and cannot submit.
/// </summary>
internal sealed partial class PageFormWriter(StringBuilder html, RenderContext context, PageMessages messages)
{
    public void Form(PageBlock block, string? blockId, bool formId)
    {
        if (!string.IsNullOrWhiteSpace(block.Title))
        {
            html.Append("<h2>").Text(block.Title).Append("</h2>");
        }

        html.Append("<form");
        if (formId)
        {
            html.Append(" id=\"form\"");
        }

        if (!context.Preview)
        {
            html.Append(" method=\"post\"").Attr("action", context.BaseUrl + LandingPageRoutes.Leads(context.Slug)).Append(" data-lead");
        }

        var success = string.IsNullOrWhiteSpace(block.SuccessMessage) ? messages.Success : block.SuccessMessage;
        html.Attr("data-success", success).Attr("data-sending", messages.Sending).Attr("data-error", messages.Error).Append('>');
        if (context.Preview)
        {
            // A disabled default button: pressing Enter in a field does not submit the preview either.
            html.Append("<button type=\"submit\" disabled hidden></button>");
        }

        var fields = (block.Fields ?? []).Where(f => f is not null && FieldName().IsMatch(f.Name ?? "")).DistinctBy(f => f.Name).ToList();
        foreach (var field in fields)
        {
            Field(field, blockId ?? "form");
        }

        html.Append("<div class=\"hp\" aria-hidden=\"true\"><label").Attr("for", $"hp-{blockId}").Append('>').Text(messages.Honeypot)
            .Append("</label><input type=\"text\"").Attr("id", $"hp-{blockId}").Attr("name", LandingPageRoutes.HoneypotField)
            .Append(" tabindex=\"-1\" autocomplete=\"off\"></div>");
        if (fields.Any(f => f.Required))
        {
            html.Append("<p class=\"n\">").Text(messages.Required).Append("</p>");
        }

        if (context.Preview)
        {
            html.Append("<p class=\"n\">").Text(messages.PreviewNote).Append("</p>");
        }

        var label = string.IsNullOrWhiteSpace(block.ButtonLabel) ? messages.Submit : block.ButtonLabel;
        html.Append("<button class=\"btn\" type=\"").Append(context.Preview ? "button" : "submit").Append("\">").Text(label).Append("</button>");
        html.Append("<p class=\"n\" role=\"status\" aria-live=\"polite\"></p></form>");
    }

    private void Field(FormField field, string blockId)
    {
        var id = $"f-{blockId}-{field.Name}";
        html.Append("<div><label").Attr("for", id).Append('>').Text(field.Label);
        if (field.Required)
        {
            html.Append("<span aria-hidden=\"true\"> *</span>");
        }

        html.Append("</label>");
        var (type, autocomplete) = field.Type switch
        {
            FormFieldType.Email => ("email", "email"),
            FormFieldType.Phone => ("tel", "tel"),
            _ => ("text", field.Name is "name" or "full_name" ? "name" : null),
        };
        html.Append(field.Type == FormFieldType.TextArea ? "<textarea" : "<input").Attr("id", id).Attr("name", field.Name);
        if (field.Type != FormFieldType.TextArea)
        {
            html.Attr("type", type);
        }

        if (autocomplete is not null)
        {
            html.Attr("autocomplete", autocomplete);
        }

        html.Append(" maxlength=\"").Append(field.Type == FormFieldType.TextArea ? "2000" : "200").Append('"');
        if (field.Required)
        {
            html.Append(" required");
        }

        html.Attr("aria-describedby", "e-" + id).Append('>');
        if (field.Type == FormFieldType.TextArea)
        {
            html.Append("</textarea>");
        }

        html.Append("<p class=\"e\"").Attr("id", "e-" + id).Attr("data-err", field.Name).Append("></p></div>");
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,39}$", RegexOptions.CultureInvariant, 50)]
    private static partial Regex FieldName();
}
