namespace AdPilot.Web;

/// <summary>Marker type for the UI strings in <c>Resources/SharedResource*.resx</c> (en and zh-CN).</summary>
public sealed class SharedResource;
