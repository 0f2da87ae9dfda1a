using FacilitatorKit.Application.Formats;
using FacilitatorKit.Application.Tests.Support;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Engine.Time;

namespace FacilitatorKit.Application.Tests;

/// <summary>The README's "In code" example, kept here so it always compiles and does what the README says.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void ReadmeExample_RunsAsDescribed()
    {
        var output = new List<string>();
        var clock = new ManualClock(DateTimeOffset.Parse("2026-11-22T19:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var engine = new MeetingEngine(clock);
        var format = FormatFile.Load(Path.Combine(Repository.Root, "samples/formats/short-check-in.json"));

        Participant ana = new(ParticipantId.New(), "Ana"), ben = new(ParticipantId.New(), "Ben");
        var me = Actor.Facilitator;
        var state = MeetingState.Initial(MeetingId.New());
        var log = new List<MeetingEvent>();

        void Run(MeetingCommand command)
        {
            var decision = engine.Decide(state, command);
            if (!decision.IsAccepted)
            {
                output.Add(decision.Refusal!.Reason);
                return;
            }

            log.AddRange(decision.Events);
            state = Meeting.Apply(state, decision.Events);
        }

        Run(new SetUpMeeting(CommandId.New(), me, state.Id, format, [ana, ben], Chair: ana.Id));
        Run(new StartMeeting(CommandId.New(), me));
        Run(new RaiseHand(CommandId.New(), me, ben.Id));
        Run(new NextSpeaker(CommandId.New(), me, Ending: null));

        clock.Advance(TimeSpan.FromSeconds(90));
        Assert.Equal(TimeSpan.FromSeconds(90), state.CurrentTurn!.Airtime(clock.GetUtcNow()));

        Run(new NextSpeaker(CommandId.New(), me, Ending: null));
        Assert.Equal(["Already changed: the speaker changed on another device. The screen now shows who is speaking."], output);

        var replayed = Meeting.Replay(state.Id, log);
        Assert.Equal(state.Version, replayed.Version);
        Assert.Equal(state.CurrentTurn, replayed.CurrentTurn);
        Assert.Equal("Welcome", state.CurrentItem!.Title);
    }
}
