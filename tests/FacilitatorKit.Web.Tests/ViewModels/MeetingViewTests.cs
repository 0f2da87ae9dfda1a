using System.Collections.Immutable;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Web.ViewModels;

namespace FacilitatorKit.Web.Tests.ViewModels;

/// <summary>The view model the three pages bind to: what each role sees of a meeting at a moment.</summary>
public class MeetingViewTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 19, 0, 0, TimeSpan.Zero);

    private static readonly MeetingFormat Format = new("Circle",
    [
        new("Welcome", AgendaItemKind.Opening, TimeSpan.FromMinutes(5)),
        new("Check-in", AgendaItemKind.CheckIn, TimeSpan.FromMinutes(15), TurnPolicy.GoRound, TimeSpan.FromMinutes(1)),
        new("Sharing", AgendaItemKind.Sharing, TimeSpan.FromMinutes(40), TurnPolicy.Balanced, TimeSpan.FromMinutes(5)),
    ]);

    private sealed class Script
    {
        public MeetingState State { get; private set; } = MeetingState.Initial(MeetingId.New());
        public DateTimeOffset Now { get; private set; } = Start;
        public Dictionary<string, ParticipantId> People { get; } = [];

        public Script(params string[] names)
        {
            var people = names.Select(n => new Participant(People[n] = ParticipantId.New(), n)).ToImmutableArray();
            Do(new SetUpMeeting(CommandId.New(), State.Id, Format, people, people[0].Id) { Actor = Actor.Facilitator });
            Do(new StartMeeting(CommandId.New()) { Actor = Actor.Facilitator });
        }

        public Script Do(MeetingCommand command)
        {
            var decision = Meeting.Decide(State, command, Now);
            Assert.True(decision.IsAccepted, decision.Refusal?.ToString());
            State = Meeting.Apply(State, decision.Events);
            return this;
        }

        public Script Wait(TimeSpan time)
        {
            Now += time;
            return this;
        }

        public Script NextItem() => Do(new NextItem(CommandId.New(), State.CurrentItemId) { Actor = Actor.Facilitator });
        public Script NextSpeaker() => Do(new NextSpeaker(CommandId.New(), State.CurrentTurn?.Id) { Actor = Actor.Facilitator });
        public Script Raise(string name) => Do(new RaiseHand(CommandId.New(), People[name]) { Actor = Actor.Facilitator });
        public MeetingView View(Role role = Role.Facilitator) => MeetingView.Of(State, Now, role);
    }

    [Fact]
    public void Fairness_IsThereForFacilitatorRoles_AndNeverForTheDisplay()
    {
        var s = new Script("Ana", "Ben").Raise("Ben").NextSpeaker().Wait(TimeSpan.FromMinutes(2));

        Assert.NotNull(s.View(Role.Facilitator).Fairness);
        Assert.NotNull(s.View(Role.CoFacilitator).Fairness);
        Assert.Null(s.View(Role.Display).Fairness);
        Assert.Null(s.View(Role.Member).Fairness);
    }

    [Fact]
    public void Hands_AreEveryPresentPerson_InSeatingOrder_UpWhileWaiting()
    {
        var s = new Script("Ana", "Ben", "Cai", "Dee").Raise("Ben").Raise("Cai").NextSpeaker();
        s.Do(new MarkParticipantLeft(CommandId.New(), s.People["Dee"]) { Actor = Actor.Facilitator });

        var view = s.View();

        Assert.Equal("Ben", view.Speaker!.Name);
        Assert.Equal(["Cai"], view.Queue.Select(q => q.Name));
        Assert.Equal(["Ana", "Ben", "Cai"], view.Hands.Select(h => h.Name));
        Assert.Equal([false, false, true], view.Hands.Select(h => h.IsUp));
        Assert.Equal([false, true, false], view.Hands.Select(h => h.IsSpeaking));
        Assert.Equal("Cai", view.NextUp);
    }

    /// <summary>B11: the projected end lagged by up to 20 s; the page now renders again exactly when it would read differently.</summary>
    [Fact]
    public void ProjectedEnd_StandsStillWithinTheTimeBox_ThenTurnsEachMinuteOnceTheItemRunsOver()
    {
        var s = new Script("Ana", "Ben").Wait(TimeSpan.FromMinutes(1)); // Welcome: 19:00 to 19:05, the meeting to 20:00

        Assert.Equal(Start.AddMinutes(5), s.View().ProjectedEndChangesAt);
        Assert.Equal(Start.AddMinutes(60), s.State.ProjectedEnd(s.Now));

        s.Wait(TimeSpan.FromSeconds(380)); // 19:07:20, 2:20 over: the end reads 20:02
        Assert.Equal(Start.AddMinutes(62).AddSeconds(20), s.State.ProjectedEnd(s.Now));
        Assert.Equal(Start.AddMinutes(8), s.View().ProjectedEndChangesAt);

        s.Do(new EndMeeting(CommandId.New()) { Actor = Actor.Facilitator });
        Assert.Null(s.View().ProjectedEndChangesAt);
    }

    [Fact]
    public void SomeoneWhoSteppedOut_KeepsTheirPlace_SaysWhy_AndIsNotNext()
    {
        var s = new Script("Ana", "Ben", "Cai").Raise("Ben").Raise("Cai");
        s.Do(new MarkSteppedOut(CommandId.New(), s.People["Ben"]) { Actor = Actor.Facilitator });

        var view = s.View();

        Assert.Equal([("Ben", "stepped out"), ("Cai", null)], view.Queue.Select(q => (q.Name, q.Note)));
        Assert.Equal("Cai", view.NextUp);
        Assert.Equal([false, true, false], view.Present.Select(p => p.SteppedOut));
    }

    [Fact]
    public void Queue_SaysWhoHasAPointOfProcess_AndWhoPassedForNow()
    {
        var s = new Script("Ana", "Ben", "Cai").NextItem(); // the check-in go-round: Ben, Cai, Ana
        s.NextSpeaker().Do(new PassForNow(CommandId.New(), s.State.CurrentTurn!.Id) { Actor = Actor.Facilitator });
        s.Do(new RaisePointOfProcess(CommandId.New(), s.People["Ana"]) { Actor = Actor.Facilitator });

        var queue = s.View().Queue;

        Assert.Equal([("Ana", "point of process"), ("Cai", null), ("Ben", "passed for now")], queue.Select(q => (q.Name, q.Note)));
    }

    [Fact]
    public void QueueRemoveButtons_SayWhatTheyUndo_AHandLowered_APlaceInTheRound_APointOfProcess()
    {
        var s = new Script("Ana", "Ben", "Cai", "Dee").Raise("Dee");
        s.Do(new RaisePointOfProcess(CommandId.New(), s.People["Ana"]) { Actor = Actor.Facilitator });
        Assert.Equal(["Remove Ana from the queue", "Lower hand for Dee"], s.View().Queue.Select(q => q.Remove));

        s.Do(new LowerHand(CommandId.New(), s.People["Ana"]) { Actor = Actor.Facilitator }).Do(new LowerHand(CommandId.New(), s.People["Dee"]) { Actor = Actor.Facilitator });
        s.NextItem(); // the check-in go-round: Ben, Cai, Dee, Ana
        Assert.Equal(["Take Ben out of this round", "Take Cai out of this round", "Take Dee out of this round", "Take Ana out of this round"],
            s.View().Queue.Select(q => q.Remove));
    }

    [Fact]
    public void SpeakerCountdown_CarriesTheServersDeadline_AndWhilePausedTheTimeLeft()
    {
        var s = new Script("Ana", "Ben").NextItem().NextSpeaker().Wait(TimeSpan.FromSeconds(20));

        var speaking = s.View().Speaker!;
        Assert.Equal(Start + TimeSpan.FromMinutes(1), speaking.Countdown.Deadline);
        Assert.Equal(TimeSpan.FromMinutes(1), speaking.Countdown.Limit);
        Assert.Null(speaking.Countdown.PausedRemaining);

        s.Do(new PauseTurn(CommandId.New(), speaking.Turn) { Actor = Actor.Facilitator }).Wait(TimeSpan.FromMinutes(3));
        var paused = s.View().Speaker!;

        Assert.True(paused.IsPaused);
        Assert.Null(paused.Countdown.Deadline);
        Assert.Equal(TimeSpan.FromSeconds(40), paused.Countdown.PausedRemaining);
        Assert.Equal("40000", paused.Countdown.PausedMs);
    }

    [Fact]
    public void PassForNow_IsOfferedOnlyInAGoRound_AndOnlyOnce()
    {
        var s = new Script("Ana", "Ben", "Cai").Raise("Ben").NextSpeaker();
        Assert.False(s.View().CanPassForNow); // the welcome is raise hand

        s.Do(new EndTurn(CommandId.New(), s.State.CurrentTurn!.Id) { Actor = Actor.Facilitator }).NextItem().NextSpeaker();
        Assert.True(s.View().CanPassForNow);

        s.Do(new PassForNow(CommandId.New(), s.State.CurrentTurn!.Id) { Actor = Actor.Facilitator }); // Ben moves to the end
        s.NextSpeaker().NextSpeaker().NextSpeaker(); // Cai, Ana, then Ben again
        Assert.Equal("Ben", s.View().Speaker!.Name);
        Assert.False(s.View().CanPassForNow);
    }

    [Fact]
    public void AgendaRows_SayWhereTheMeetingIs()
    {
        var s = new Script("Ana").Wait(TimeSpan.FromMinutes(6)).NextItem().Wait(TimeSpan.FromMinutes(16));
        s.Do(new SkipAgendaItem(CommandId.New(), s.State.Agenda[2].Id) { Actor = Actor.Facilitator });

        var rows = s.View().Agenda;

        Assert.Equal("Done in 6:00 (1:00 over)", rows[0].Status);
        Assert.True(rows[1].IsCurrent);
        Assert.Equal("Current item", rows[1].Status); // its time is the time box's live countdown (AgendaList)
        Assert.Equal("Skipped", rows[2].Status);
        Assert.Equal("15 min · Go-round, 1:00 each", rows[1].Meta);
    }

    [Theory]
    [InlineData(65, "1:05")]
    [InlineData(0, "0:00")]
    [InlineData(-5, "+0:05")]
    [InlineData(-125, "+2:05")]
    public void Duration_ReadsAsACountdownDoes(int seconds, string text) =>
        Assert.Equal(text, MeetingView.Duration(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void NamesAreCarriedAsText_NeverAsMarkup()
    {
        var s = new Script("<b>Sam</b>", "Ana").Raise("Ana");

        Assert.Equal("<b>Sam</b>", s.View().Chair);
        Assert.Contains(s.View().Present, p => p.Name == "<b>Sam</b>");
    }
}
