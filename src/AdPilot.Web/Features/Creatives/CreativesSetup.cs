using AdPilot.Core.Creatives;
using AdPilot.Web.Features.Storage;
using AdPilot.Web.Hosting;

namespace AdPilot.Web.Features.Creatives;

internal static class CreativesSetup
{
    /// <summary>The creative library over object storage (section <c>Storage</c>), with limits from section <c>Creatives</c>.</summary>
    public static void AddCreatives(this WebApplicationBuilder builder, AppPaths paths)
    {
        builder.AddObjectStorage(paths);
        builder.Services.AddOptions<CreativeOptions>().Bind(builder.Configuration.GetSection(CreativeOptions.Section))
            .ValidatePlainly()
            .ValidateOnStart();
        builder.Services.AddSingleton<ICreativeScorer, DefaultCreativeScorer>();
        builder.Services.AddSingleton<CreativeMedia>();
        builder.Services.AddSingleton<CreativeService>();
        builder.AddSafeFetch();
        builder.Services.AddSingleton<CreativeUrlImport>();
        builder.Services.AddHttpContextAccessor(); // the tools answer with absolute URLs on the caller's host
        builder.Services.AddSingleton<AbandonedUploads>();
        builder.Services.AddSingleton<AdPilot.Core.Campaigns.ICreativeContent, StoredCreativeContent>();
    }

    public static void MapCreatives(this IEndpointRouteBuilder app)
    {
        app.MapLocalFiles();
        app.MapCreativesApi();
    }
}
