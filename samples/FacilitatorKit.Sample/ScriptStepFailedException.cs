using FacilitatorKit.Engine;

namespace FacilitatorKit.Sample;

/// <summary>A scripted step did not go as scripted: the engine refused a command, or the input check let bad input through.</summary>
internal sealed class ScriptStepFailedException : Exception
{
    public ScriptStepFailedException()
    {
    }

    public ScriptStepFailedException(string message)
        : base(message)
    {
    }

    public ScriptStepFailedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public static ScriptStepFailedException Refused(MeetingCommand command, Refusal refusal) =>
        new($"{command.GetType().Name} was refused ({refusal}).");
}
