using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Speakers;

namespace FacilitatorKit.Benchmarks;

/// <summary>
/// A realistic mix of the commands a facilitator sends during sharing, recorded once against a running meeting of
/// twelve people with a few hundred events behind it: hands up (one twice, from a second device: no events), pause,
/// resume, add a minute, next speaker, a hand lowered, end turn, a point of process, and a stale "next speaker"
/// (refused as already changed). 16 commands, 16 events.
/// Every command is valid against the state the previous ones leave, starting from <see cref="Baseline"/>.
/// </summary>
public sealed class CommandMix
{
    public const int Length = 16;

    private CommandMix(MeetingState baseline, (MeetingCommand Command, DateTimeOffset At)[] commands)
    {
        Baseline = baseline;
        Commands = commands;
    }

    /// <summary>A balanced sharing item is under way, someone is speaking and two hands are up.</summary>
    public MeetingState Baseline { get; }

    public (MeetingCommand Command, DateTimeOffset At)[] Commands { get; }

    public static CommandMix Record(int eventsBefore = 400)
    {
        var before = RealisticMeeting.Run(eventsBefore);
        StartSharing(before);
        var d = MeetingDriver.ContinuingFrom(before);
        var people = d.Present;
        var f = d.Facilitator;

        var first = d.State.CurrentTurn!.Id;
        d.Do(new RaiseHand(d.NextId(), people[3]) { Actor = f });
        d.Wait(5);
        d.Do(new RaiseHand(d.NextId(), people[7]) { Actor = f });
        d.Wait(5);
        d.Do(new RaiseHand(d.NextId(), people[3]) { Actor = f });        // already queued: no events
        d.Do(new PauseTurn(d.NextId(), first) { Actor = f });
        d.Wait(20);
        d.Do(new ResumeTurn(d.NextId(), first) { Actor = f });
        d.Wait(60);
        d.Do(ExtendTurn.AddAMinute(d.NextId(), first) with { Actor = f });
        d.Do(new NextSpeaker(d.NextId(), first) { Actor = f });
        var second = d.State.CurrentTurn!.Id;
        d.Wait(90);
        d.Do(new RaiseHand(d.NextId(), people[9]) { Actor = f });
        d.Do(new LowerHand(d.NextId(), d.State.Queue[^1].Participant) { Actor = f }); // changed their mind
        d.Do(new PauseTurn(d.NextId(), second) { Actor = f });
        d.Wait(10);
        d.Do(new ResumeTurn(d.NextId(), second) { Actor = f });
        d.Wait(60);
        d.Do(new EndTurn(d.NextId(), second) { Actor = f });
        d.Do(new NextSpeaker(d.NextId(), null) { Actor = f });
        var third = d.State.CurrentTurn!.Id;
        d.Wait(30);
        d.Do(new RaisePointOfProcess(d.NextId(), people[5]) { Actor = f });
        d.Do(new NextSpeaker(d.NextId(), third) { Actor = f });
        d.Wait(20);
        d.Do(new NextSpeaker(d.NextId(), third) { Actor = f }, refusalExpected: true); // a second device, one step behind

        if (d.Sent.Count != Length)
        {
            throw new InvalidOperationException($"The mix has {d.Sent.Count} commands, not {Length}.");
        }

        return new CommandMix(before.State, [.. d.Sent]);
    }

    /// <summary>Decides and applies the whole mix from the baseline; returns the state it ends in.</summary>
    public MeetingState Run()
    {
        var state = Baseline;
        foreach (var (command, at) in Commands)
        {
            var events = Meeting.Decide(state, command, at).Events;
            for (var i = 0; i < events.Count; i++)
            {
                state = Meeting.Apply(state, events[i]);
            }
        }

        return state;
    }

    /// <summary>Adds a balanced sharing item right after the current one, starts it, and gives the floor to someone.</summary>
    private static void StartSharing(MeetingDriver d)
    {
        if (d.State.CurrentTurn is { } turn)
        {
            d.Do(new EndTurn(d.NextId(), turn.Id) { Actor = d.Facilitator });
        }

        var plan = new AgendaItemPlan("Sharing", AgendaItemKind.Sharing, TimeSpan.FromMinutes(40), TurnPolicy.Balanced, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10));
        d.Do(new AddAgendaItem(d.NextId(), plan, d.State.IndexOfItem(d.State.CurrentItemId!.Value) + 1) { Actor = d.Facilitator });
        d.Do(new NextItem(d.NextId(), d.State.CurrentItemId) { Actor = d.Facilitator });
        d.Do(new RaiseHand(d.NextId(), d.Present[1]) { Actor = d.Facilitator });
        d.Do(new RaiseHand(d.NextId(), d.Present[2]) { Actor = d.Facilitator });
        d.Do(new NextSpeaker(d.NextId(), null) { Actor = d.Facilitator });
        d.Wait(30);
    }
}
