using static AdPilot.Core.LandingPages.Templates.TemplateBlocks;

namespace AdPilot.Core.LandingPages.Templates;

/// <summary>A live online session: what attendees learn, who speaks, and registration.</summary>
internal static class WebinarSignupTemplate
{
    public static LandingPageTemplate Create(bool zh) => new(
        "webinar_signup",
        zh ? "直播报名" : "Webinar signup",
        zh ? "宣传一场线上直播或讲座，让观众快速报名。" : "Promote a live online session and take registrations.",
        new LandingPageDocument
        {
            Language = Language(zh),
            Theme = new PageTheme { PrimaryColor = "#0F766E", BackgroundColor = "#F0FDFA", TextColor = "#134E4A", Font = PageFont.Serif, ButtonStyle = ButtonStyle.Rounded },
            Seo = zh
                ? new PageSeo { Title = "免费直播：三步搭建高转化广告投放 | 立即报名", Description = "45 分钟实战直播，从受众、素材到落地页，手把手教你提升广告转化。名额有限，免费报名。" }
                : new PageSeo { Title = "Free live webinar: ads that convert in 3 steps | Register", Description = "A 45-minute live session on audiences, creatives and landing pages that convert. Free, with limited seats." },
            Blocks = zh
                ?
                [
                    Hero("免费直播：三步搭建高转化广告投放", "12 月 12 日（周四）20:00，45 分钟实战分享，结束后开放答疑。", "免费报名"),
                    Features("你将学到",
                        ("👥", "精准找到受众", "用数据圈定最可能下单的人群。"),
                        ("🎨", "做出吸睛素材", "三个经过验证的创意框架，拿来就能用。"),
                        ("🚀", "落地页提升转化", "从标题到表单，逐项优化转化率。")),
                    Testimonial("干货满满，当晚就按直播里的方法调整了投放，第二天点击率明显提升。", "王磊", "电商运营负责人"),
                    Form("报名参加直播", "免费报名", "报名成功！直播链接和提醒会发送到你的邮箱。",
                        Field("name", "姓名", FormFieldType.Text, true),
                        Field("email", "邮箱", FormFieldType.Email, true),
                        Field("company", "公司或团队", FormFieldType.Text, false)),
                    Footer("© 2026 你的公司 · 无法准时参加？报名后我们会把回放发给你。"),
                ]
                :
                [
                    Hero("Free live webinar: ads that convert in 3 steps", "Thursday, December 12 at 6 pm GMT. 45 minutes of practical advice, followed by open Q&A.", "Save my seat"),
                    Features("What you'll learn",
                        ("👥", "Find the right audience", "Use your own data to reach the people most likely to buy."),
                        ("🎨", "Creatives that stop the scroll", "Three proven creative frameworks you can reuse tomorrow."),
                        ("🚀", "Landing pages that convert", "From headline to form, fix what loses you sign-ups.")),
                    Testimonial("Packed with practical tips. I changed our campaigns that same evening and our click-through rate jumped the next day.", "Priya Shah", "E-commerce Lead, Bloom & Co."),
                    Form("Register for the webinar", "Register for free", "You're registered! We've emailed you the link and a reminder.",
                        Field("name", "Full name", FormFieldType.Text, true),
                        Field("email", "Email", FormFieldType.Email, true),
                        Field("company", "Company", FormFieldType.Text, false)),
                    Footer("© 2026 Your Company · Can't make it live? Register and we'll send you the recording."),
                ],
        });
}
