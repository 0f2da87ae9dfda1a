using FacilitatorKit.Application.Meetings;
using FacilitatorKit.Engine;
using FacilitatorKit.Web.ViewModels;

namespace FacilitatorKit.Web.Components.Shared;

/// <summary>
/// How a panel sends a command: it builds the command from the view its device was showing, and the page sends it
/// for this device. Null when nothing was sent (a press while the last one is still saving). A problem is shown as the
/// page's notice, unless the panel shows it beside its own field.
/// </summary>
public delegate Task<CommandOutcome?> MeetingSend(Func<MeetingView, MeetingCommand> build, bool showsItsOwnProblems = false);
