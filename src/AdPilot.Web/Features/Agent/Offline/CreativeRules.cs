using System.Globalization;
using System.Text.Json;

namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>
/// The creative scorer's rules (DefaultCreativeScorer) by code: a name, and the reason in Chinese from the creative's own
/// facts (its reasons are written in English). An unknown code keeps the scorer's text.
/// </summary>
internal static class CreativeRules
{
    public static string Label(OfflineTurn turn, string code) => code.Split('_')[0] switch
    {
        "resolution" => turn.T("Resolution", "分辨率"),
        "aspect" => turn.T("Aspect ratio", "画面比例"),
        "size" => turn.T("File size", "文件大小"),
        "still" or "duration" => turn.T("Duration", "时长"),
        _ => code,
    };

    /// <summary>The reason as the user reads it: the scorer's text in English, else said again in Chinese.</summary>
    public static string Reason(OfflineTurn turn, JsonElement creative, JsonElement reason)
    {
        var text = reason.Str("text");
        if (!turn.Zh)
        {
            return text;
        }

        var size = $"{creative.Str("width")}×{creative.Str("height")}";
        var mb = (creative.Long("file_size") / 1024m / 1024m).ToString("0.#", CultureInfo.InvariantCulture);
        var seconds = (creative.Dec("duration_seconds") ?? 0).ToString("0.#", CultureInfo.InvariantCulture);
        return reason.Str("code") switch
        {
            "resolution_high" => $"{size}，在所有版位都清晰。",
            "resolution_good" => $"{size} 为高清；短边 1080 像素会更清晰。",
            "resolution_low" => $"{size} 偏低；短边至少使用 720 像素。",
            "resolution_too_low" => $"{size} 太小；多数版位至少需要 600 像素。",
            "resolution_unknown" => "无法读取分辨率；平台可能拒绝该文件。",
            "aspect_fit" => "比例完全符合一个常见版位。",
            "aspect_near" => "接近常见版位的比例，会被轻微裁切；请按准确比例导出。",
            "aspect_off" => "不符合任何常见版位（1:1、4:5、9:16、16:9），会被裁切或加黑边。",
            "aspect_unknown" => "无法读取画面比例。",
            "size_ok" => $"{mb} MB，加载很快。",
            "size_large" => $"{mb} MB 偏大；压缩后加载更快。",
            "size_very_large" => $"{mb} MB 过大；部分平台会拒绝或放慢加载。",
            "still_image" => "静态图片没有需要优化的时长。",
            "duration_unknown" => "无法读取时长。",
            "duration_too_short" => $"{seconds} 秒太短，讲不完一个故事；建议 6–15 秒。",
            "duration_ideal" => $"{seconds} 秒，是信息流和快拍的理想长度。",
            "duration_ok" => $"{seconds} 秒可以；6–15 秒效果最好。",
            "duration_long" => $"{seconds} 秒偏长；观众在 15 秒后会流失。",
            "duration_too_long" => $"{seconds} 秒对多数版位来说太长。",
            _ => text,
        };
    }
}
