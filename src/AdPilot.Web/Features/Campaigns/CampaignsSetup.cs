namespace AdPilot.Web.Features.Campaigns;

internal static class CampaignsSetup
{
    public static void AddCampaigns(this WebApplicationBuilder builder) => builder.Services.AddSingleton<CampaignCreativeChoices>();
}
