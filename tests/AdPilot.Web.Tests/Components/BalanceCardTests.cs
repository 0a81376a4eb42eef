using AdPilot.Core.Credits;
using AdPilot.Web.Features.Billing;
using Bunit;

namespace AdPilot.Web.Tests.Components;

public sealed class BalanceCardTests : UiTestContext
{
    [Theory]
    [InlineData(120, "ok")]
    [InlineData(49.5, "low")]
    [InlineData(9.99, "critical")]
    public void BalanceCard_ShowsTheBucketsAndTheRightAlert(decimal total, string level)
    {
        var balance = new CreditBalanceView(total, 0, total, 50, 10, level);

        var card = Render<BalanceCard>(p => p.Add(c => c.Balance, balance));

        Assert.Equal(level == "low", card.FindAll("[data-testid=balance-low]").Count == 1);
        Assert.Equal(level == "critical", card.FindAll("[data-testid=balance-critical]").Count == 1);
        Assert.Equal(total.ToString("#,0.##", System.Globalization.CultureInfo.CurrentCulture), card.Find("[data-testid=balance-total]").TextContent.Trim());
    }
}
