using FacilitatorKit.Application.Formats;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Testing;
using Microsoft.Extensions.Time.Testing;

namespace FacilitatorKit.Application.Tests;

/// <summary>The README's "In code" example, kept here so it always compiles and does what the README says.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void ReadmeExample_RunsAsDescribed()
    {
        var output = new List<Refusal>();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-22T19:00Z", System.Globalization.CultureInfo.InvariantCulture));
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
                output.Add(decision.Refusal!);
                return;
            }

            log.AddRange(decision.Events);
            state = Meeting.Apply(state, decision.Events);
        }

        Run(new SetUpMeeting(CommandId.New(), state.Id, format, [ana, ben], Chair: ana.Id) { Actor = me });
        Run(new StartMeeting(CommandId.New()) { Actor = me });
        Run(new RaiseHand(CommandId.New(), ben.Id) { Actor = me });
        Run(new NextSpeaker(CommandId.New(), Ending: null) { Actor = me });

        clock.Advance(TimeSpan.FromSeconds(90));
        Assert.Equal(TimeSpan.FromSeconds(90), state.CurrentTurn!.Airtime(clock.GetUtcNow()));

        Run(new NextSpeaker(CommandId.New(), Ending: null) { Actor = me });
        Assert.Equal([new Refusal(RefusalReason.SpeakerAlreadyChanged)], output);
        Assert.Equal("AlreadyChanged: SpeakerAlreadyChanged", output[0].ToString());

        var replayed = Meeting.Replay(state.Id, log);
        Assert.Equal(state.Version, replayed.Version);
        Assert.Equal(state.CurrentTurn, replayed.CurrentTurn);
        Assert.Equal("Welcome", state.CurrentItem!.Title);
    }
}
