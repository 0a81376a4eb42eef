namespace AdPilot.Core.LandingPages;

/// <summary>The few words a rendered page says itself (the form's states, the preview note), in the page's language.</summary>
internal sealed record PageMessages(
    string Required, string Success, string Sending, string Error, string Submit, string Honeypot, string Video, string PreviewNote)
{
    private static readonly PageMessages English = new(
        "* required", "Thank you! We will be in touch soon.", "Sending…", "Something went wrong. Please try again.", "Send",
        "Leave this field empty", "Video", "Preview: this form does not send anything.");

    private static readonly PageMessages Chinese = new(
        "* 为必填项", "谢谢！我们会尽快与您联系。", "正在提交…", "提交失败，请稍后再试。", "提交",
        "请勿填写此项", "视频", "预览：此表单不会提交任何内容。");

    public static PageMessages For(string language) => language == "zh-CN" ? Chinese : English;
}
