using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace AdPilot.Core.WebPages;

/// <summary>
/// Which elements ask the visitor to act: buttons and submit inputs with a label, and links that look like buttons
/// (role, a btn/button/cta class) or whose short text is an action ("Buy now", "Get started", "立即购买").
/// </summary>
internal static class CallsToActionFinder
{
    public const int MaxTextChars = 60;

    private static readonly string[] EnglishActions =
    [
        "buy", "shop", "order", "get", "start", "try", "sign up", "signup", "subscribe", "book", "download", "register", "join", "contact",
        "request", "claim", "add to cart", "add to bag", "checkout", "check out", "learn more", "free trial", "apply", "reserve", "install", "call",
    ];

    private static readonly string[] ChineseActions =
    [
        "立即", "购买", "下单", "注册", "试用", "预约", "咨询", "下载", "领取", "加入购物车", "抢购", "了解更多", "联系", "免费", "报名", "申请", "订阅", "开始",
    ];

    /// <summary>The element's call to action (kind button or link), or null when it is none.</summary>
    public static (string Text, string? Href, string Kind)? Of(IElement element)
    {
        switch (element)
        {
            case IHtmlButtonElement button when !string.Equals(button.Type, "reset", StringComparison.OrdinalIgnoreCase):
                return Label(button.TextContent) is { Length: > 0 } text ? (text, null, "button") : null;
            case IHtmlInputElement input when input.Type is "submit" or "button":
                return Label(input.Value) is { Length: > 0 } value ? (value, null, "button") : null;
            case IHtmlAnchorElement anchor when WebLink(anchor.Href) is { } href:
                var label = Label(anchor.TextContent);
                var looksLikeButton = string.Equals(anchor.GetAttribute("role"), "button", StringComparison.OrdinalIgnoreCase)
                    || (anchor.ClassName ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(ButtonClass);
                return label.Length > 0 && (looksLikeButton || IsAction(label)) ? (label, href, "link") : null;
            default:
                return null;
        }
    }

    /// <summary>An absolute http(s) address, or null for anything else (javascript:, mailto:, fragments…).</summary>
    public static string? WebLink(string? href) =>
        Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;

    private static string Label(string? text) => PageText.Clean(text, MaxTextChars);

    private static bool ButtonClass(string name) =>
        name.Equals("btn", StringComparison.OrdinalIgnoreCase) || name.StartsWith("btn-", StringComparison.OrdinalIgnoreCase)
        || name.Contains("button", StringComparison.OrdinalIgnoreCase) || name.Contains("cta", StringComparison.OrdinalIgnoreCase);

    private static bool IsAction(string label)
    {
        if (label.Length > 40)
        {
            return false;
        }

        if (ChineseActions.Any(a => label.Contains(a, StringComparison.Ordinal)))
        {
            return true;
        }

        var words = " " + string.Join(' ', label.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('!', '.', '›', '»', '→', '>', ','))) + " ";
        return EnglishActions.Any(a => words.Contains($" {a} ", StringComparison.Ordinal));
    }
}
