namespace FacilitatorKit.Web;

/// <summary>
/// How long a save may take before the page that pressed shows its controls as unavailable. A press is normally saved,
/// and shown on every device, within a few milliseconds; dimming every button for that long would flicker at every
/// press, and cost the pressing device two more renders of the whole page just as the others are showing the change.
/// A slow save (a busy disk) still shows. Setting: <c>FacilitatorKit:ShowBusyAfterMs</c> (300 by default).
/// </summary>
public sealed record BusyCue(TimeSpan After)
{
    public const string SettingName = "FacilitatorKit:ShowBusyAfterMs";

    public static readonly BusyCue Default = new(TimeSpan.FromMilliseconds(300));
}
