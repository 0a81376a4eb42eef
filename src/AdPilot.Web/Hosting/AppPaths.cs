namespace AdPilot.Web.Hosting;

/// <summary>The one directory that holds every piece of local state (database, keys, files, mail).</summary>
public sealed class AppPaths
{
    /// <summary>A relative <c>DataDirectory</c> is taken from the content root, however the app was launched.</summary>
    public AppPaths(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration["DataDirectory"];
        Root = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "./data" : configured, contentRoot);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Sub(string name)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(path);
        return path;
    }
}
