using static AdPilot.Core.LandingPages.Templates.TemplateBlocks;

namespace AdPilot.Core.LandingPages.Templates;

/// <summary>A mobile app: why install it, and buttons to both stores (no form).</summary>
internal static class AppDownloadTemplate
{
    private const string AppStore = "https://apps.apple.com/";
    private const string GooglePlay = "https://play.google.com/store/apps";

    public static LandingPageTemplate Create(bool zh) => new(
        "app_download",
        zh ? "应用下载" : "App download",
        zh ? "展示应用亮点，引导用户前往应用商店下载。" : "Show what your app does and send visitors to the app stores.",
        new LandingPageDocument
        {
            Language = Language(zh),
            Theme = new PageTheme { PrimaryColor = "#C2410C", BackgroundColor = "#FFF7ED", TextColor = "#1C1917", Font = PageFont.Rounded, ButtonStyle = ButtonStyle.Pill },
            Seo = zh
                ? new PageSeo { Title = "下载 App | 随时随地，轻松搞定", Description = "简单好用的口袋助手，iPhone 和安卓均可免费下载，30 秒上手。" }
                : new PageSeo { Title = "Get the app | Everything you need, in your pocket", Description = "The simple pocket assistant for iPhone and Android. Free to download and ready in 30 seconds." },
            Blocks = zh
                ?
                [
                    Hero("口袋里的贴心助手", "计划、提醒、记录，一个 App 全搞定。免费下载，30 秒上手。", "免费下载", AppStore),
                    Features("大家为什么喜欢它",
                        ("📱", "一看就会", "界面简洁清爽，打开就知道怎么用。"),
                        ("🔔", "贴心提醒", "重要的事准时提醒，不再错过。"),
                        ("☁️", "多端同步", "手机、平板随时切换，数据实时同步。"),
                        ("🔒", "隐私安全", "数据加密存储，只属于你自己。")),
                    Testimonial("用了半年，每天离不开它。简单、稳定，连我爸妈都会用。", "赵敏", "App Store 五星用户"),
                    Heading("download", "立即下载，免费使用"),
                    Button("app-store", "App Store 下载", AppStore),
                    Button("google-play", "安卓应用下载", GooglePlay),
                    Footer("© 2026 你的公司 · 支持 iOS 15 及以上、Android 8 及以上。"),
                ]
                :
                [
                    Hero("Your day, handled from your pocket", "Plans, reminders and notes in one simple app. Free to download, ready in 30 seconds.", "Download free", AppStore),
                    Features("Why people love it",
                        ("📱", "Simple from the first tap", "A clean layout that makes sense the moment you open it."),
                        ("🔔", "Reminders that help", "Get nudged about what matters, right on time."),
                        ("☁️", "Synced everywhere", "Switch between phone and tablet without missing a beat."),
                        ("🔒", "Private by design", "Your data is encrypted and stays yours.")),
                    Testimonial("Six months in and I use it every single day. Simple, reliable, and even my parents get it.", "Emma Lawson", "5-star App Store review"),
                    Heading("download", "Get it now, free"),
                    Button("app-store", "Download on the App Store", AppStore),
                    Button("google-play", "Get it on Google Play", GooglePlay),
                    Footer("© 2026 Your Company · Requires iOS 15 or later, or Android 8 or later."),
                ],
        });
}
