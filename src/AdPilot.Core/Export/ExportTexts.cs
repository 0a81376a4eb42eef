namespace AdPilot.Core.Export;

/// <summary>The export_ready notification, in the user's language (en, zh-CN).</summary>
internal static class ExportTexts
{
    public static (string Title, string Body) Ready(string language) => language == "zh-CN"
        ? ("您的数据导出已就绪", "您的 AdPilot 数据副本已打包为 ZIP 文件。请在 24 小时内打开“设置 > 数据与隐私”下载；之后该文件将被删除。")
        : ("Your data export is ready", "A copy of your AdPilot data is packed in a ZIP file. Download it from Settings > Data & privacy within 24 hours; after that the file is deleted.");
}
