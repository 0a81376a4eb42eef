namespace AdPilot.Web.Features.LandingPages;

/// <summary>What the editor's autosave shows: every change is saved about a second after the last one.</summary>
public enum SaveStatus
{
    Saved,
    Pending,
    Saving,
    Failed,
    Conflict,
}
