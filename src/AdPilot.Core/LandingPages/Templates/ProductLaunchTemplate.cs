using static AdPilot.Core.LandingPages.Templates.TemplateBlocks;

namespace AdPilot.Core.LandingPages.Templates;

/// <summary>A new product: what it is, why it matters, and an early-access list.</summary>
internal static class ProductLaunchTemplate
{
    public static LandingPageTemplate Create(bool zh) => new(
        "product_launch",
        zh ? "新品发布" : "Product launch",
        zh ? "介绍新产品的亮点，收集抢先体验名单。" : "Introduce a new product and build an early-access list.",
        new LandingPageDocument
        {
            Language = Language(zh),
            Theme = new PageTheme { PrimaryColor = "#7C3AED", BackgroundColor = "#FAF5FF", TextColor = "#1E1B4B", Font = PageFont.Rounded, ButtonStyle = ButtonStyle.Pill },
            Seo = zh
                ? new PageSeo { Title = "全新上市 | 抢先体验，首发专享优惠", Description = "更轻、更快、更懂你。现在登记即可抢先体验，并获得首发专享优惠。" }
                : new PageSeo { Title = "Meet the new one | Early access and launch pricing", Description = "Lighter, faster and built around how you work. Join the early-access list for launch-day pricing." },
            Blocks = zh
                ?
                [
                    Hero("全新一代，现已登场", "更轻、更快、更懂你。登记抢先体验，首批用户专享 8 折优惠。", "抢先体验"),
                    Features("这一次，我们重新设计了一切",
                        ("⚡", "快人一步", "启动速度提升一倍，打开即用，不再等待。"),
                        ("🪶", "轻若无物", "仅重 320 克，随身携带毫无负担。"),
                        ("🔋", "续航一整周", "一次充电，轻松用满七天。"),
                        ("🛡️", "安心保障", "两年质保，30 天无理由退换。")),
                    Testimonial("用了两周就回不去了。细节处处用心，是我今年最满意的一次购买。", "陈晓", "内测用户"),
                    Form("登记抢先体验", "加入名单", "已加入名单！发布当天我们会第一时间通知你。",
                        Field("name", "称呼", FormFieldType.Text, true),
                        Field("email", "邮箱", FormFieldType.Email, true)),
                    Footer("© 2026 你的品牌 · 新品信息以发布当天为准。"),
                ]
                :
                [
                    Hero("The next generation is here", "Lighter, faster and built around the way you work. Join early access and save 20% on launch day.", "Get early access"),
                    Features("Redesigned from the ground up",
                        ("⚡", "Twice as fast", "Starts in half the time, so it is ready when you are."),
                        ("🪶", "Barely there", "Just 320 g. Take it everywhere without a second thought."),
                        ("🔋", "A week per charge", "One charge lasts seven days of real use."),
                        ("🛡️", "Covered", "Two-year warranty and 30-day no-questions returns.")),
                    Testimonial("Two weeks in and I can't go back. Every detail feels considered. Best purchase I made this year.", "Daniel Reyes", "Beta tester"),
                    Form("Join the early-access list", "Count me in", "You're on the list! We'll email you the moment it launches.",
                        Field("name", "First name", FormFieldType.Text, true),
                        Field("email", "Email", FormFieldType.Email, true)),
                    Footer("© 2026 Your Brand · Launch details may change before release."),
                ],
        });
}
