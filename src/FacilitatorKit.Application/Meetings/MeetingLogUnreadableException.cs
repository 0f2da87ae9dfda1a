using FacilitatorKit.Engine;

namespace FacilitatorKit.Application.Meetings;

/// <summary>
/// A meeting's log cannot be read back (a damaged page in the data file, an event this version does not know), so the
/// meeting cannot be shown or run. The other meetings are not affected: the views say so calmly, and the way back is
/// to restore the data file from a backup (issue 13 §6). The message names the meeting by id only, never a name.
/// </summary>
public sealed class MeetingLogUnreadableException : Exception
{
    public MeetingLogUnreadableException()
    {
    }

    public MeetingLogUnreadableException(string message)
        : base(message)
    {
    }

    public MeetingLogUnreadableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MeetingLogUnreadableException(MeetingId meeting, Exception innerException)
        : base($"The log of meeting {meeting} cannot be read.", innerException)
    {
        Meeting = meeting;
    }

    public MeetingId? Meeting { get; }
}
