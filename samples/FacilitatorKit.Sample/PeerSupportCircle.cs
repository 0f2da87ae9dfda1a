using FacilitatorKit.Application;
using FacilitatorKit.Application.Validation;
using FacilitatorKit.Application.Validation.Commands;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Chair;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;
using Microsoft.Extensions.DependencyInjection;

namespace FacilitatorKit.Sample;

/// <summary>
/// The script of one evening's Peer support circle, item by item. Ana chairs and runs the laptop (the facilitator);
/// most people have no device, so she queues on their behalf.
/// </summary>
internal sealed class PeerSupportCircle
{
    private static readonly Actor Facilitator = Actor.Facilitator;

    private readonly MeetingFormat _format;
    private readonly TextWriter _output;
    private readonly AgendaView _agenda;
    private readonly FairnessView _fairness;
    private readonly ScriptedMeeting _m;

    public PeerSupportCircle(MeetingFormat format, TextWriter output)
    {
        _format = format;
        _output = output;
        _agenda = new AgendaView(output);
        _fairness = new FairnessView(output);
        _m = new ScriptedMeeting(Circle.Meeting, new MeetingView(output));
    }

    /// <summary>
    /// The script follows the Peer support circle's agenda: a welcome, a go-round check-in, balanced sharing with
    /// a turn limit and a quiet-member reserve, an open item, a go-round, and the closing.
    /// </summary>
    public static bool Fits(MeetingFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        TurnPolicy[] policies = [TurnPolicy.RaiseHand, TurnPolicy.GoRound, TurnPolicy.Balanced, TurnPolicy.RaiseHand, TurnPolicy.GoRound, TurnPolicy.RaiseHand];
        return format.Items.Select(i => i.TurnPolicy).SequenceEqual(policies)
            && format.Items[2] is { TurnLimit: not null, QuietReserve: not null };
    }

    public void Run()
    {
        SetUp();
        Welcome();
        CheckIn();
        Sharing();
        Resources();
        Celebrations();
        Closing();
        Summary();
    }

    private void SetUp()
    {
        _m.Do(new SetUpMeeting(Id(), Circle.Meeting, _format, Circle.Arrived, Circle.Ana, Circle.RecentAirtime) { Actor = Facilitator });
        _agenda.Plan(_m.State, _m.Now);
        _output.WriteLine($"Here: {Show.List([.. _m.State.Participants.Select(p => p.Name)])} (seating order).");
        _output.WriteLine();
        _m.Do(new StartMeeting(Id()) { Actor = Facilitator });
    }

    private void Welcome()
    {
        _m.Wait(2, 0);
        AGuestArrives();
        _m.Wait(3, 30);
        _agenda.Clock(_m.State, _m.Now);
        _m.Wait(0, 30);
        NextItem();
    }

    /// <summary>A newcomer is added on the spot through the input boundary, which checks the name before the engine sees it.</summary>
    private void AGuestArrives()
    {
        var mistyped = Check(new AddParticipant(Id(), new Participant(ParticipantId.New(), NameRules.Normalize("ben "), ParticipantKind.Guest)));
        if (mistyped.IsValid || mistyped.Errors[0].CustomState is not IReadOnlyDictionary<string, object?> { } taken)
        {
            throw new ScriptStepFailedException("The input check let a second \"Ben\" in.");
        }

        _m.Line($"A guest arrives. Typed \"ben \": someone called {taken["Name"]} is already here, so the check asks for an initial or an alias ({mistyped.Errors[0].ErrorCode}).");
        var fran = new AddParticipant(Id(), new Participant(Circle.Fran, NameRules.Normalize("  Fran "), ParticipantKind.Guest)) { Actor = Facilitator };
        if (Check(fran) is { IsValid: false } refused)
        {
            throw new ScriptStepFailedException($"The input check refused \"Fran\": {refused.Errors[0].ErrorCode}");
        }

        _m.Do(fran);
    }

    /// <summary>The boundary check the app runs on every command, found in DI as the app finds it.</summary>
    private FluentValidation.Results.ValidationResult Check(MeetingCommand command) => Validation.Validate(_m.State, command);

    private static readonly Lazy<CommandValidation> Validators = new(() =>
        new ServiceCollection().AddFacilitatorKitApplication().BuildServiceProvider().GetRequiredService<CommandValidation>());

    private static CommandValidation Validation => Validators.Value;

    /// <summary>Go-round after the chair: Cai passes for now and speaks at the end; Eli passes; Dee runs a little over.</summary>
    private void CheckIn()
    {
        Speak(0, 50);                 // Ben
        Speak(0, 5, then: PassForNow); // Cai
        Speak(1, 10);                 // Dee: +0:10
        Speak(0, 3, then: EliPasses);  // Eli, from his own phone
        Speak(0, 40);                 // Fran
        Speak(0, 55);                 // Ana
        Speak(0, 45);                 // Cai, back at the end of the round
        EndTurn();
        _m.Line($"The round is complete: {(_m.State.Round?.IsComplete == true ? "everyone has had a turn or passed" : "not yet")}.");
        _fairness.NotSpokenYet(_m.State, _m.Now);
        _m.Wait(0, 30);
        NextItem();
    }

    /// <summary>
    /// Balanced order: Dee speaks long (a pause, "add a minute", overtime), which raises a nudge. In the last ten
    /// minutes the quiet-member reserve puts Ana, who has not shared yet, before Eli, who has.
    /// </summary>
    private void Sharing()
    {
        RaiseHands(Circle.Dee, Circle.Ben, Circle.Cai);
        Waiting();
        NextSpeaker();                // Cai: least airtime of those waiting
        _m.Wait(3, 0);
        NextSpeaker();                // Ben
        _m.Wait(3, 30);
        NextSpeaker();                // Dee
        DeeSpeaksLong();
        NextSpeaker();                // Eli: has not spoken yet in this meeting, so he goes first
        _fairness.Nudges(_m.State, _m.Now);
        _m.Wait(0, 45);
        RaiseHands(Circle.Fran);
        NextSpeaker();                // Fran
        _m.Wait(2, 0);
        RaiseHands(Circle.Cai, Circle.Dee);
        _m.Wait(2, 0);
        NextSpeaker();                // Cai before Dee: less airtime
        _m.Wait(1, 0);
        RaiseHands(Circle.Ben);
        _m.Wait(1, 30);
        NextSpeaker();                // Ben
        _m.Wait(1, 0);
        RaiseHands(Circle.Eli);
        _m.Wait(3, 0);
        RaiseHands(Circle.Ana);
        _m.Wait(0, 55);
        EndTurn();
        _m.Wait(0, 20);
        _agenda.Clock(_m.State, _m.Now);
        QuietReserve();
        NextSpeaker();                // Ana
        _m.Wait(4, 0);
        EndTurn();
        OpenTheReserve();
        NextSpeaker();                // Eli
        _m.Wait(1, 30);
        _m.Do(new LowerHand(Id(), Circle.Dee) { Actor = Actor.Member(Circle.Dee) });
        EndTurn();
        NextItem();
    }

    private void DeeSpeaksLong()
    {
        _m.Wait(2, 0);
        _m.Do(new PauseTurn(Id(), CurrentTurn) { Actor = Facilitator });
        _m.Wait(2, 0);
        _m.Do(new ResumeTurn(Id(), CurrentTurn) { Actor = Facilitator });
        _m.Wait(2, 30);
        TurnClock();
        _m.Wait(0, 30);
        TurnClock();
        _m.Do(ExtendTurn.AddAMinute(Id(), CurrentTurn) with { Actor = Facilitator });
        _m.Wait(2, 0);
        RaiseHands(Circle.Eli);
        _m.Wait(2, 0);
        TurnClock();
    }

    /// <summary>The reserve is on: of those waiting, people who have not shared in this item go first.</summary>
    private void QuietReserve()
    {
        var item = _m.State.CurrentItem!;
        var next = SpeakerOrder.NextEligible(_m.State, _m.Now)!;
        _m.Line($"The last {Show.Minutes(item.QuietReserve!.Value)} of {item.Title} are kept for people who have not shared yet.");
        Waiting();
        _m.Line($"The reserve takes {_m.NameOf(next.Participant)} first: the others waiting have shared in this item.");
    }

    private void OpenTheReserve()
    {
        _m.Line("Everyone still waiting has shared in this item, so the facilitator opens the time to all.");
        _m.Do(new ReleaseQuietReserve(Id(), _m.State.CurrentItemId!.Value) { Actor = Facilitator });
    }

    private void Resources()
    {
        RaiseHands(Circle.Fran, Circle.Ben);
        NextSpeaker();                // Fran: a local carers' helpline
        _m.Wait(1, 20);
        NextSpeaker();                // Ben: a book
        _m.Wait(0, 50);
        EndTurn();
        _m.Wait(0, 30);
        NextItem();
    }

    private void Celebrations()
    {
        Speak(0, 30);                 // Ben
        Speak(0, 25);                 // Cai
        Speak(0, 40);                 // Dee
        Speak(0, 35);                 // Eli
        Speak(0, 20);                 // Fran
        Speak(0, 30);                 // Ana
        EndTurn();
        _m.Wait(0, 20);
        NextItem();
    }

    /// <summary>The rota proposes the next chair from the group's history; Ana hands the chair over to close.</summary>
    private void Closing()
    {
        var rota = ChairRota.Order(Circle.RotaMembers, Circle.ChairHistory);
        var next = ChairRota.ProposeNext(Circle.RotaMembers, Circle.ChairHistory)!;
        _m.Line($"Chair rota (volunteers who chaired least recently first): {Show.List([.. rota.Select(m => m.Name)])}.");
        _m.Line($"Proposed next chair: {next.Name}, who has not chaired yet. {next.Name} agrees and closes tonight's meeting.");
        _m.Wait(0, 30);
        _m.Do(new HandOverChair(Id(), _m.State.Chair, next.Member) { Actor = Facilitator });
        _m.Wait(3, 0);
        _m.Line("Next meeting: same time next week. The hat goes round for the room and the tea.");
        _m.Wait(2, 0);
        _m.Do(new EndMeeting(Id()) { Actor = Facilitator });
    }

    private void Summary()
    {
        _output.WriteLine();
        _agenda.AsItWent(_m.State, _m.Now);
        _output.WriteLine();
        _fairness.Summary(_m.State, _m.Now);
        _output.WriteLine();
        _output.WriteLine($"The meeting's event log holds {_m.State.Version} events.");
    }

    // The facilitator's buttons.
    private CommandId Id() => _m.NextCommandId();

    private TurnId CurrentTurn => _m.State.CurrentTurn?.Id ?? throw new ScriptStepFailedException("The script expected someone to be speaking.");

    private void NextItem() => _m.Do(new NextItem(Id(), _m.State.CurrentItemId) { Actor = Facilitator });

    private void NextSpeaker() => _m.Do(new NextSpeaker(Id(), _m.State.CurrentTurn?.Id) { Actor = Facilitator });

    private void EndTurn() => _m.Do(new EndTurn(Id(), CurrentTurn) { Actor = Facilitator });

    private void PassForNow() => _m.Do(new PassForNow(Id(), CurrentTurn) { Actor = Facilitator });

    private void EliPasses() => _m.Do(new Pass(Id(), CurrentTurn) { Actor = Actor.Member(Circle.Eli) });

    /// <summary>In a go-round: the next person's turn starts, and they speak (or pass) after this long.</summary>
    private void Speak(int minutes, int seconds, Action? then = null)
    {
        NextSpeaker();
        _m.Wait(minutes, seconds);
        then?.Invoke();
    }

    /// <summary>Hands go up a few seconds apart; the facilitator queues them.</summary>
    private void RaiseHands(params ParticipantId[] people)
    {
        foreach (var person in people)
        {
            _m.Do(new RaiseHand(Id(), person) { Actor = Facilitator });
            _m.Wait(0, 5);
        }
    }

    private void Waiting() =>
        _m.Line($"Waiting, in {Show.Policy(_m.State.CurrentItem!.TurnPolicy)} order: {Show.List([.. _m.State.SpeakerOrder(_m.Now).Select(e => _m.NameOf(e.Participant))])}.");

    private void TurnClock()
    {
        var turn = _m.State.CurrentTurn!;
        var clock = turn.Clock(_m.Now);
        var state = clock.State switch
        {
            TurnTimeState.Warning => $"warning, {clock.Text} left",
            TurnTimeState.TimesUp => "time's up",
            TurnTimeState.Overtime => $"overtime {clock.Text}",
            _ => $"{clock.Text} left",
        };
        _m.Line($"{_m.NameOf(turn.Participant)}'s countdown: {state}.");
    }
}
