using FacilitatorKit.Application.Meetings;
using FacilitatorKit.Engine;

namespace FacilitatorKit.Testing;

public static class SessionExtensions
{
    /// <summary>Sends a command as the actor it already carries, the way a test states who presses.</summary>
    public static Task<CommandOutcome> SubmitAsync(this MeetingSession session, MeetingCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(command);
        return session.SubmitAsync(command, command.Actor, cancellationToken);
    }
}
