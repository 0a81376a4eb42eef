using AdPilot.Web.Features.Legal;
using Bunit;

namespace AdPilot.Web.Tests.Components;

/// <summary>The legal pages promise only what the product does today: export and deletion go through support for now.</summary>
public sealed class LegalContentTests : UiTestContext
{
    [Theory]
    [InlineData(typeof(PrivacyContentEn), "Settings &gt; Data &amp; privacy", "24 hours", "anonymised")]
    [InlineData(typeof(PrivacyContentZh), "设置 &gt; 数据与隐私", "24 小时", "匿名")]
    public void Privacy_ExportAndDeletion_PointToSettingsDataAndPrivacy(Type page, string place, string linkLifetime, string kept)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(Render(builder =>
        {
            builder.OpenComponent(0, page);
            builder.CloseComponent();
        }).Markup, @"\s+", " ");

        Assert.Contains(place, text, StringComparison.Ordinal);
        Assert.Contains(linkLifetime, text, StringComparison.Ordinal);
        Assert.Contains(kept, text, StringComparison.Ordinal);
        Assert.DoesNotContain("coming; until then", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(TermsContentEn), "delete your account yourself in Settings &gt; Data &amp; privacy", "ask support to delete")]
    [InlineData(typeof(TermsContentZh), "在“设置 &gt; 数据与隐私”中自行删除您的账户", "请客服删除")]
    public void Terms_AccountDeletion_PointsToTheSettingsTabNotToSupport(Type page, string expectedCopy, string oldCopy)
    {
        var markup = Render(builder =>
        {
            builder.OpenComponent(0, page);
            builder.CloseComponent();
        }).Markup;
        var text = System.Text.RegularExpressions.Regex.Replace(markup, @"\s+", " ");

        Assert.Contains(expectedCopy, text, StringComparison.Ordinal);
        Assert.DoesNotContain(oldCopy, text, StringComparison.Ordinal);
    }
}
