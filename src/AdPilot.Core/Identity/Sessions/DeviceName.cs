namespace AdPilot.Core.Identity.Sessions;

/// <summary>A person-readable "Browser on OS" from a User-Agent; the order of the checks matters (Edge says Chrome too).</summary>
public static class DeviceName
{
    private static readonly (string Token, string Name)[] Browsers =
    [
        ("Edg/", "Edge"), ("EdgA/", "Edge"), ("EdgiOS/", "Edge"), ("OPR/", "Opera"), ("SamsungBrowser/", "Samsung Internet"),
        ("Firefox/", "Firefox"), ("FxiOS/", "Firefox"), ("CriOS/", "Chrome"), ("Chromium/", "Chromium"), ("Chrome/", "Chrome"),
        ("Safari/", "Safari"), ("curl/", "curl"), ("python-requests/", "Python"), ("PostmanRuntime/", "Postman"),
    ];

    private static readonly (string Token, string Name)[] Systems =
    [
        ("iPhone", "iOS"), ("iPad", "iPadOS"), ("Android", "Android"), ("CrOS", "ChromeOS"), ("Windows", "Windows"),
        ("Mac OS X", "macOS"), ("Macintosh", "macOS"), ("Linux", "Linux"),
    ];

    public static string Parse(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "Unknown device";
        }

        var browser = First(Browsers, userAgent);
        var system = First(Systems, userAgent);
        return (browser, system) switch
        {
            (null, null) => "Unknown device",
            ({ } b, null) => b,
            (null, { } s) => s,
            ({ } b, { } s) => $"{b} on {s}",
        };
    }

    private static string? First((string Token, string Name)[] table, string userAgent) =>
        table.FirstOrDefault(t => userAgent.Contains(t.Token, StringComparison.OrdinalIgnoreCase)).Name;
}
