using AdPilot.Web.Features.Legal;
using Bunit;

namespace AdPilot.Web.Tests.Components;

/// <summary>The legal pages promise only what the product does today: export and deletion go through support for now.</summary>
public sealed class LegalContentTests : UiTestContext
{
    [Theory]
    [InlineData(typeof(PrivacyContentEn), "privacy@adpilot.example", "Self-service export and account deletion in Settings are coming")]
    [InlineData(typeof(PrivacyContentZh), "privacy@adpilot.example", "自助导出和账户删除功能即将推出")]
    [InlineData(typeof(TermsContentEn), "Terms", "ask support to delete your account")]
    [InlineData(typeof(TermsContentZh), "条款", "请客服删除您的账户")]
    public void Content_ExportAndDeletion_AreRequestsToSupportNotASettingsPage(Type page, string expectedContact, string expectedCopy)
    {
        var markup = Render(builder =>
        {
            builder.OpenComponent(0, page);
            builder.CloseComponent();
        }).Markup;
        var text = System.Text.RegularExpressions.Regex.Replace(markup, @"\s+", " ");

        Assert.DoesNotContain("Settings &gt; Data", text, StringComparison.Ordinal);
        Assert.DoesNotContain("设置 &gt; 数据", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ZIP", text, StringComparison.Ordinal);
        Assert.Contains(expectedContact, text, StringComparison.Ordinal);
        Assert.Contains(expectedCopy, text, StringComparison.Ordinal);
    }
}
