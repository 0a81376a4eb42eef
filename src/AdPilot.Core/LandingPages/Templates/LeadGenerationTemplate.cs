using static AdPilot.Core.LandingPages.Templates.TemplateBlocks;

namespace AdPilot.Core.LandingPages.Templates;

/// <summary>A service business collecting enquiries: a free consultation offer and a short form.</summary>
internal static class LeadGenerationTemplate
{
    public static LandingPageTemplate Create(bool zh) => new(
        "lead_generation",
        zh ? "获客表单" : "Lead generation",
        zh ? "用一次免费咨询吸引潜在客户，留下联系方式。" : "Offer a free consultation and collect enquiries with a short form.",
        new LandingPageDocument
        {
            Language = Language(zh),
            Theme = new PageTheme { PrimaryColor = "#1D4ED8", BackgroundColor = "#FFFFFF", TextColor = "#1F2937", Font = PageFont.System, ButtonStyle = ButtonStyle.Rounded },
            Seo = zh
                ? new PageSeo { Title = "预约免费咨询 | 让增长更简单", Description = "30 分钟一对一咨询，专家帮你找出最值得投入的增长机会。免费，无需任何承诺。" }
                : new PageSeo { Title = "Book a free consultation | Grow with less guesswork", Description = "A 30-minute call with an expert who finds the growth opportunities worth your budget. Free, with no obligation." },
            Blocks = zh
                ?
                [
                    Hero("少走弯路，把预算花在刀刃上", "预约 30 分钟免费咨询，资深顾问帮你梳理现状，给出可以马上落地的增长方案。", "立即预约"),
                    Features("为什么选择我们",
                        ("🎯", "方案量身定制", "先了解你的行业和目标，再给建议，不套模板。"),
                        ("📈", "看得见的结果", "每一条建议都附带衡量指标，效果一目了然。"),
                        ("🤝", "全程专人跟进", "同一位顾问从咨询到落地，沟通不走样。")),
                    Testimonial("咨询后一个月，我们的获客成本降了三成，团队也终于知道该把精力放在哪里。", "李婷", "某连锁健身品牌 市场总监"),
                    Form("留下联系方式，我们将在一个工作日内联系你", "提交预约", "提交成功！顾问会在一个工作日内与你联系。",
                        Field("name", "姓名", FormFieldType.Text, true),
                        Field("email", "邮箱", FormFieldType.Email, true),
                        Field("phone", "手机号", FormFieldType.Phone, false),
                        Field("company", "公司名称", FormFieldType.Text, false)),
                    Footer("© 2026 你的公司 · 我们尊重你的隐私，绝不向第三方出售你的信息。"),
                ]
                :
                [
                    Hero("Spend your budget where it actually grows", "Book a free 30-minute consultation. A senior advisor reviews where you are and leaves you with a plan you can act on this week.", "Book my free call"),
                    Features("Why teams work with us",
                        ("🎯", "Advice that fits", "We learn your market and goals first. No copy-paste playbooks."),
                        ("📈", "Results you can measure", "Every recommendation comes with the number that proves it worked."),
                        ("🤝", "One advisor, start to finish", "The person you talk to is the person who helps you deliver.")),
                    Testimonial("A month after our call, our cost per lead was down 30% and the team finally knew where to focus.", "Sarah Mitchell", "Head of Marketing, Northwind Fitness"),
                    Form("Tell us where to reach you", "Request my consultation", "Thanks! An advisor will be in touch within one business day.",
                        Field("name", "Full name", FormFieldType.Text, true),
                        Field("email", "Work email", FormFieldType.Email, true),
                        Field("company", "Company", FormFieldType.Text, false),
                        Field("phone", "Phone", FormFieldType.Phone, false)),
                    Footer("© 2026 Your Company · We respect your privacy and never sell your details."),
                ],
        });
}
